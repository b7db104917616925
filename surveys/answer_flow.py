"""How a reader answers a survey or a poll: one flow, and a subclass per kind that says only
what differs (``surveys.survey_flow``, ``surveys.poll_flow``).

The forms shown at the foot of an article post with the article's id to the page's own URL
(or the poll's vote URL, ``surveys.views.vote_on_poll``: the same flow without Wagtail's
page routing); on success the reader is sent back to the article (303) with a one-off
notice, and the part shows the thank-you state in place of the form. Bad input re-renders
the page with a clear message and a 4xx, and stores nothing.

Rendered for a reader without state of their own, the part's markup is what every such
reader sees, and is marked as one the edge may replace with that reader's own version
(``reader_part_url``, the part views in ``surveys.views``).

This module imports no models and no views: the pages' ``serve()`` use it, and so do the
views and the template tags.
"""

from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hub_site.security import ratelimit
from hub_site.translation.reader_machine_translation import (
    current_reader_translation,
    machine_translation_url,
    reader_language_for,
)
from surveys import answer_origin, notices, reader_identity

OPEN = "open"
THANKS = "thanks"
ALREADY = "already"
UNAVAILABLE = "unavailable"
ALLOWED_METHODS = ("GET", "HEAD", "POST")
# The 429 page says what was refused: an answer, which was not stored.
TOO_MANY_ANSWERS = _(
    "Too many answers and votes were sent from your network in the last minute. Your answer "
    "was not stored."
)
ANSWERED_FROM_ADDRESS = _(
    "This was answered from your network a moment ago, in another browser session. Your "
    "answer was not stored."
)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


class AnswerFlow:
    """A reader's answer to one page: shown, checked, stored once, acknowledged.

    A subclass per kind of page says what differs: its templates and messages, its form,
    what a reader answers once, how an answer is stored, and what else its part shows.
    """

    # The reader's own part of the page: their state, the form, what they may see after.
    body_template = ""
    # The view that renders ``body_template`` for one reader, for the edge to put in place.
    part_url_name = ""
    # Why a form with errors was not stored.
    invalid_message = ""

    def __init__(self, page):
        self.page = page

    @property
    def anchor(self):
        """The id of the part in the page, which the reader is sent back to."""
        raise NotImplementedError

    def target(self, article):
        """What a reader answers once, and the notice of what happened to their answer is for."""
        raise NotImplementedError

    def action(self, request):
        raise NotImplementedError

    def form(self, request, data=None, files=None):
        raise NotImplementedError

    def has_answered(self, article, respondent):
        raise NotImplementedError

    def store(self, form, *, article, respondent, reader_language):
        """Called inside the answer's transaction."""
        raise NotImplementedError

    def kind_context(self, request, state, form, article):
        raise NotImplementedError

    def why_closed(self):
        """Why no answer is taken now; None while answers are."""
        return None

    def unanswered_state(self, article, respondent):
        """The state of the part for a reader who has not answered (``respondent`` None for
        one the site does not know yet)."""
        return OPEN

    def article_refusal(self, article):
        """Why an answer given on ``article`` (None: on no article) is refused; None if not."""
        return None

    def part_url(self):
        """The part view's path, without the article."""
        return reverse(self.part_url_name, args=[self.page.pk])

    def refused_state(self, form, error):
        """The state a refused answer is shown in; None for the reader's own state."""
        return None

    def reader_part_url(self, request, article):
        """Where the edge gets this reader's own version of the part, which is shown here as
        every reader without state of their own sees it; None when there is nothing to
        replace: the part is rendered for this reader (they have a reader cookie), in a
        preview, or on a machine translation (never a shared copy)."""
        if (
            reader_identity.is_preview(request)
            or reader_identity.has_reader_state(request)
            or current_reader_translation(request) is not None
        ):
            return None
        url = self.part_url()
        return f"{url}?{urlencode({'article': article.pk})}" if article else url

    def context(self, request, article, *, form=None, error=None, state=None, take_notice=True):
        """What the part's templates need, on the page itself, at an article's foot or in a
        part view.

        ``state`` shows the part in that state (a preview); ``take_notice=False`` leaves a
        notice for the page that shows it (a part view).
        """
        # As every reader without state of their own sees it: no notice, no answers to
        # correct, not a preview of a given state.
        shown_to_all = state is None and form is None and error is None
        state = state or self.refused_state(form, error)
        if state is None and take_notice:
            state = notices.take_notice(request, self.target(article))
            shown_to_all = shown_to_all and state is None
        if state is None:
            respondent = reader_identity.respondent_key(request)
            answered = respondent is not None and self.has_answered(article, respondent)
            state = ALREADY if answered else self.unanswered_state(article, respondent)
        if state != OPEN or self.why_closed() is not None:
            form = None
        elif form is None:
            form = self.form(request)
        return {
            "article": article,
            "state": state,
            "form": form,
            "error": error,
            "action": self.action(request),
            "anchor": self.anchor,
            "body_template": self.body_template,
            "reader_language": reader_language_for(request, self.page),
            "reader_part_url": self.reader_part_url(request, article) if shown_to_all else None,
            # Inclusion tags' templates get no context processors.
            "request": request,
            "LANGUAGE_CODE": get_language(),
            **self.kind_context(request, state, form, article),
        }

    def render(self, request, *, article=None, status=200, **kwargs):
        context = self.page.get_context(request)
        context.update(self.context(request, article, **kwargs))
        return TemplateResponse(request, self.page.get_template(request), context, status=status)

    def return_url(self, request, article, reader_language):
        """Back where the reader answered: the article (or this page), machine-translated or not."""
        if reader_language:
            url = machine_translation_url(article or self.page, reader_language)
        else:
            url = (article.get_url(request) if article else None) or self.page.get_url(request)
        return f"{url}#{self.anchor}"

    def serve(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        data = request.POST if request.method == "POST" else request.GET
        try:
            article = answer_origin.resolve_article(
                data.get("article"), self.page.locale_id, request
            )
        except answer_origin.InvalidArticle as invalid:
            return self.render(request, error=invalid.message, status=400)
        if request.method != "POST":
            return self.render(request, article=article)
        refused = self.article_refusal(article)
        if refused is not None:
            return self.render(request, article=article, error=refused, status=400)
        try:
            reader_language = answer_origin.reader_language(request.POST, self.page)
        except answer_origin.InvalidReaderLanguage as invalid:
            return self.render(request, article=article, error=invalid.message, status=400)

        if ratelimit.over_limit(request, ratelimit.SURVEYS_AND_POLLS):
            return ratelimit.too_many_requests(
                request, ratelimit.SURVEYS_AND_POLLS, TOO_MANY_ANSWERS
            )
        closed = self.why_closed()
        if closed is not None:
            return self.render(request, article=article, error=closed, status=400)
        form = self.form(request, request.POST, request.FILES)
        if not form.is_valid():
            return self.render(
                request, article=article, form=form, error=self.invalid_message, status=400
            )
        return self.take(request, article, form, reader_language)

    def take(self, request, article, form, reader_language):
        """Store a valid answer, once per reader, and send them back with a notice."""
        respondent, returning = reader_identity.answering_respondent(request)
        target = self.target(article)
        return_url = self.return_url(request, article, reader_language)
        if returning and self.has_answered(article, respondent):
            notices.leave_notice(request, target, ALREADY)
            return HttpResponseSeeOther(return_url)
        if not ratelimit.claim(request, ratelimit.SURVEYS_AND_POLLS, target):
            return ratelimit.too_many_requests(
                request, ratelimit.SURVEYS_AND_POLLS, ANSWERED_FROM_ADDRESS
            )
        try:
            with transaction.atomic():
                self.store(
                    form, article=article, respondent=respondent, reader_language=reader_language
                )
        except IntegrityError:
            # The same reader's answer won a race against this one.
            ratelimit.release(request, ratelimit.SURVEYS_AND_POLLS, target)
            notices.leave_notice(request, target, ALREADY)
        else:
            notices.leave_notice(request, target, THANKS)
        return HttpResponseSeeOther(return_url)
