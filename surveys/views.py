"""Reader side of surveys and polls.

The forms shown at the foot of an article post with the article's id to the survey's own
page URL, and to the poll's vote URL (``vote_on_poll``: the same handling without
Wagtail's page routing); on success the reader is sent back to the article (303) with a
one-off notice, and the template tags show the thank-you state in place of the form. Bad
input re-renders the survey or poll page with a clear message and a 4xx, and stores nothing.

Rendered for a reader without state of their own, the survey's and poll's markup is what
every such reader sees, and is marked as a part the edge may replace with that reader's
own version (``reader_part_url``, ``surveys.reader_parts``).
"""

from functools import partial
from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hub_site.cache.freshness import changes_at
from hub_site.cache.memo import remembered
from hub_site.security.origin import origin_checked
from hub_site.translation.reader import (
    current_reader_translation,
    machine_translation_url,
    reader_language_for,
)
from surveys import readers
from surveys.durability import commit_without_waiting_for_the_disk
from surveys.forms import LIKERT_LEVELS, PollVoteForm, survey_sections
from surveys.models import PollPage, PollVote, SurveyResponse

OPEN = "open"
THANKS = "thanks"
ALREADY = "already"
UNAVAILABLE = "unavailable"
ALLOWED_METHODS = ("GET", "HEAD", "POST")


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def survey_target(survey, article):
    return f"survey:{survey.translation_key}:{article.translation_key if article else '-'}"


def poll_target(poll):
    return f"poll:{poll.translation_key}"


def poll_anchor(poll):
    return f"poll-{poll.pk}"


def _return_url(request, article, own_page, anchor, reader_language=""):
    """Back where the reader answered: the article (or this page), machine-translated or not."""
    if reader_language:
        url = machine_translation_url(article or own_page, reader_language)
    else:
        url = (article.get_url(request) if article else None) or own_page.get_url(request)
    return f"{url}#{anchor}"


def reader_part_url(request, url_name, page, article):
    """Where the edge gets this reader's own version of a part of the page, which is shown
    here as every reader without state of their own sees it; None when there is nothing to
    replace: the part is rendered for this reader (they have a reader cookie), in a preview,
    or on a machine translation (never a shared copy)."""
    if (
        readers.is_preview(request)
        or readers.has_reader_state(request)
        or current_reader_translation(request) is not None
    ):
        return None
    url = reverse(url_name, args=[page.pk])
    return f"{url}?{urlencode({'article': article.pk})}" if article else url


def _live_page(model, page_id):
    page = model.objects.live().filter(pk=page_id).first()
    # Whether an editor restricted who may see it (Wagtail's privacy setting).
    restricted = page is not None and page.get_view_restrictions().exists()
    return page, restricted


def live_page(request, model, page_id):
    """(the live ``model`` page ``page_id`` or None, whether an editor restricted it).

    Read once per content generation (``hub_site.cache.memo``) instead of being routed
    through the page tree on every request.
    """
    if not 0 < page_id < 2**63:  # beyond the database's integer: no such page
        return None, False
    key = ("live page", model._meta.label, page_id)
    return remembered(request, key, partial(_live_page, model, page_id))


def too_many_requests(request, *, repeated=False):
    """429: too many answers from this address, or this one was just answered from it."""
    response = TemplateResponse(
        request,
        "surveys/too_many_requests.html",
        {"retry_after": readers.RATE_WINDOW, "repeated": repeated},
        status=429,
    )
    response["Retry-After"] = str(readers.RATE_WINDOW)
    return response


# Surveys


def has_answered_survey(survey, article, respondent):
    if respondent is None:
        return False
    return SurveyResponse.objects.filter(
        survey_key=survey.translation_key,
        article_key=article.translation_key if article else None,
        respondent=respondent,
    ).exists()


def survey_context(
    request, survey, article, *, form=None, state=None, error=None, take_notice=True
):
    """What the survey form template needs, on the survey page or at an article's foot.

    ``take_notice=False`` leaves a notice for the survey where it is (a reader part).
    """
    # As every reader without state of their own sees it: no notice, no answers to correct,
    # not a preview of a given state.
    shown_to_all = state is None and form is None and error is None
    if state is None:
        respondent = readers.respondent_key(request)
        if take_notice:
            state = readers.take_notice(request, survey_target(survey, article))
        shown_to_all = shown_to_all and state is None
        if state is None:
            state = ALREADY if has_answered_survey(survey, article, respondent) else OPEN
    blank_form = state == OPEN and form is None
    if blank_form:
        form = survey.get_form(page=survey, user=request.user)
    sections = survey_sections(form) if state == OPEN else []
    return {
        "survey": survey,
        "article": article,
        "state": state,
        "form": form if state == OPEN else None,
        "blank_form": blank_form,
        "sections": sections,
        "likert_levels": LIKERT_LEVELS,
        "error": error,
        "action": survey.get_url(request),
        "reader_language": reader_language_for(request, survey),
        "reader_part_url": (
            reader_part_url(request, "surveys:survey_reader_part", survey, article)
            if shown_to_all
            else None
        ),
        # Inclusion tags' templates get no context processors.
        "request": request,
        "LANGUAGE_CODE": get_language(),
    }


def render_survey(request, survey, *, article=None, status=200, **kwargs):
    context = survey.get_context(request)
    context.update(survey_context(request, survey, article, **kwargs))
    return TemplateResponse(request, survey.get_template(request), context, status=status)


def serve_survey(request, survey):
    if request.method not in ALLOWED_METHODS:
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    data = request.POST if request.method == "POST" else request.GET
    try:
        article = readers.resolve_article(data.get("article"), survey.locale_id, request)
    except readers.InvalidArticle as invalid:
        return render_survey(request, survey, state=UNAVAILABLE, error=invalid.message, status=400)
    if request.method != "POST":
        return render_survey(request, survey, article=article)
    try:
        reader_language = readers.reader_language(request.POST, survey)
    except readers.InvalidReaderLanguage as invalid:
        return render_survey(
            request, survey, article=article, state=UNAVAILABLE, error=invalid.message, status=400
        )

    if readers.over_rate_limit(request):
        return too_many_requests(request)
    form = survey.get_form(request.POST, request.FILES, page=survey, user=request.user)
    if not form.is_valid():
        return render_survey(
            request,
            survey,
            article=article,
            form=form,
            state=OPEN,
            error=_("Your answers were not sent. Please correct the questions marked below."),
            status=400,
        )

    respondent, returning = readers.answering_respondent(request)
    target = survey_target(survey, article)
    return_url = _return_url(request, article, survey, "feedback", reader_language)
    if returning and has_answered_survey(survey, article, respondent):
        readers.leave_notice(request, target, ALREADY)
        return HttpResponseSeeOther(return_url)
    if not readers.claim_for_address(request, target):
        return too_many_requests(request, repeated=True)
    try:
        with transaction.atomic():
            SurveyResponse.objects.create(
                page=survey,
                form_data=form.cleaned_data,
                article=article,
                locale_id=survey.locale_id,
                survey_key=survey.translation_key,
                article_key=article.translation_key if article else None,
                respondent=respondent,
                reader_language=reader_language,
            )
    except IntegrityError:
        # The same reader's answer won a race against this one.
        readers.release_for_address(request, target)
        readers.leave_notice(request, target, ALREADY)
    else:
        readers.leave_notice(request, target, THANKS)
    return HttpResponseSeeOther(return_url)


# Polls


def has_voted(poll, respondent):
    if respondent is None:
        return False
    return PollVote.objects.filter(poll_key=poll.translation_key, respondent=respondent).exists()


def poll_context(request, poll, article, *, form=None, error=None, take_notice=True):
    """What the poll template needs, on the poll page, an article or the home page.

    ``take_notice=False`` leaves a notice for the poll where it is (a reader part).
    """
    # A cached copy of this page must not outlive the poll's opening or closing.
    changes_at(request, poll.opens_at)
    changes_at(request, poll.closes_at)
    state = readers.take_notice(request, poll_target(poll)) if take_notice else None
    # As every reader without state of their own sees it: no notice, no vote to correct.
    shown_to_all = state is None and form is None and error is None
    voted = state is not None or has_voted(poll, readers.respondent_key(request))
    if voted and state is None:
        state = ALREADY
    results, total = poll.results() if poll.results_visible(voted) else (None, 0)
    blank_form = form is None and poll.is_open and not voted
    if blank_form:
        form = PollVoteForm(poll)
    return {
        "poll": poll,
        "article": article,
        "state": state,
        "voted": voted,
        "form": form if poll.is_open and not voted else None,
        "blank_form": blank_form,
        "results": results,
        "total": total,
        "error": error,
        "action": reverse("surveys:poll_vote", args=[poll.pk]),
        "anchor": poll_anchor(poll),
        "reader_language": reader_language_for(request, poll),
        "reader_part_url": (
            reader_part_url(request, "surveys:poll_reader_part", poll, article)
            if shown_to_all
            else None
        ),
        # Inclusion tags' templates get no context processors.
        "request": request,
        "LANGUAGE_CODE": get_language(),
    }


def render_poll(request, poll, *, article=None, status=200, **kwargs):
    context = poll.get_context(request)
    context.update(poll_context(request, poll, article, **kwargs))
    return TemplateResponse(request, poll.get_template(request), context, status=status)


def serve_poll(request, poll):
    if request.method not in ALLOWED_METHODS:
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    data = request.POST if request.method == "POST" else request.GET
    try:
        article = readers.resolve_article(data.get("article"), poll.locale_id, request)
    except readers.InvalidArticle as invalid:
        return render_poll(request, poll, error=invalid.message, status=400)
    if request.method != "POST":
        return render_poll(request, poll, article=article)
    try:
        reader_language = readers.reader_language(request.POST, poll)
    except readers.InvalidReaderLanguage as invalid:
        return render_poll(request, poll, article=article, error=invalid.message, status=400)

    if readers.over_rate_limit(request):
        return too_many_requests(request)
    if not poll.is_open:
        error = _("This poll has closed.") if poll.has_closed else _("This poll is not open yet.")
        return render_poll(request, poll, article=article, error=error, status=400)
    form = PollVoteForm(poll, request.POST)
    if not form.is_valid():
        return render_poll(
            request,
            poll,
            article=article,
            form=form,
            error=_("Your vote was not counted. Please choose one of the answers."),
            status=400,
        )

    respondent, returning = readers.answering_respondent(request)
    target = poll_target(poll)
    return_url = _return_url(request, article, poll, poll_anchor(poll), reader_language)
    if returning and has_voted(poll, respondent):
        readers.leave_notice(request, target, ALREADY)
        return HttpResponseSeeOther(return_url)
    if not readers.claim_for_address(request, target):
        return too_many_requests(request, repeated=True)
    try:
        with transaction.atomic():
            commit_without_waiting_for_the_disk()
            PollVote.objects.create(
                poll=poll,
                poll_key=poll.translation_key,
                choice=form.cleaned_data["choice"],
                article=article,
                locale_id=poll.locale_id,
                respondent=respondent,
                reader_language=reader_language,
            )
    except IntegrityError:
        readers.release_for_address(request, target)
        readers.leave_notice(request, target, ALREADY)
    else:
        readers.leave_notice(request, target, THANKS)
    return HttpResponseSeeOther(return_url)


@origin_checked
def vote_on_poll(request, poll_id):
    """A vote on the poll ``poll_id``: ``serve_poll`` without routing the poll page's URL.

    Votes are the one write many readers make at once; the live poll is read once per
    content generation (``live_page``) instead of being routed through the page tree on
    every vote. A GET shows the poll page; a poll an editor made private is sent to
    its page URL with the vote (307), where Wagtail asks for the password or sign-in first.
    """
    poll, restricted = live_page(request, PollPage, poll_id)
    if poll is None:
        raise Http404
    if request.method in ("GET", "HEAD"):
        return HttpResponseSeeOther(poll.get_url(request))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if restricted:
        return HttpResponseRedirect(poll.get_url(request), status=307)
    return serve_poll(request, poll)
