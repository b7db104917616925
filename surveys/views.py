"""Surveys', polls' and quizzes' views besides their pages: the poll's vote URL, the quiz's
answer URL, and a reader's own version of a poll, survey or quiz part, for the edge to put
in a shared page.

A page rendered for readers without state of their own marks its poll and survey parts
(``AnswerFlow.reader_part_url``, ``hub_site/templatetags/reader_parts.py``); for a reader
who has voted or answered, nginx replaces each mark with the body of a part view: exactly
the markup the part shows inside the page for this reader (the open form, "already
answered", the results), from the same context and include templates, without the page
around it.

nginx asks for one per part on every such page view, so they read only what the part
needs: the live poll or survey and the article are read once per content generation
(``surveys.answer_origin``); the reader's vote or answer is one query.
They change nothing: a notice is left for the page that shows it, and no cookie is written.
Every answer is ``private, no-store`` (it is this reader's). An unknown, unpublished or
private poll or survey is a 404, and an ``article`` that is no live article a 400, each
with one short line of text rather than the site's error page: nginx puts the body of
whatever a subrequest answers in the page.
"""

from functools import partial

from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseNotFound,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hub_site.security.origin import origin_checked
from surveys.answer_flow import ALLOWED_METHODS, HttpResponseSeeOther
from surveys.answer_origin import InvalidArticle, live_page, resolve_article
from surveys.models import PollPage, QuizPage, SurveyPage
from surveys.poll_flow import PollFlow
from surveys.quiz_flow import QuizFlow
from surveys.survey_flow import SurveyFlow

TEXT = "text/plain; charset=utf-8"
NOT_FOUND = _("This poll, survey or quiz could not be found.")
BAD_ARTICLE = _("The article this poll, survey or quiz was asked for could not be found.")


@origin_checked
def vote_on_poll(request, poll_id):
    """A vote on the poll ``poll_id``: the poll page's flow without routing its URL.

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
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    if restricted:
        return HttpResponseRedirect(poll.get_url(request), status=307)
    return PollFlow(poll).serve(request)


@origin_checked
def answer_quiz(request, quiz_id, phase):
    """An attempt at the quiz ``quiz_id`` in ``phase``, posted from the article that shows
    it. A GET shows the quiz page; a private quiz takes no attempts."""
    quiz, restricted = live_page(request, QuizPage, quiz_id)
    if quiz is None or restricted:
        raise Http404
    if request.method in ("GET", "HEAD"):
        return HttpResponseSeeOther(quiz.get_url(request))
    if request.method != "POST":
        return HttpResponseNotAllowed(ALLOWED_METHODS)
    return QuizFlow(quiz, phase).serve(request)


def _part(request, model, page_id, make_flow, needs_article=False):
    page, restricted = live_page(request, model, page_id)
    # A page an editor made private asks for a password or a sign-in on its own URL; its
    # part is shown to no one here.
    if page is None or restricted:
        return HttpResponseNotFound(NOT_FOUND, content_type=TEXT)
    try:
        article = resolve_article(request.GET.get("article"), page.locale_id, request)
    except InvalidArticle:
        return HttpResponseBadRequest(BAD_ARTICLE, content_type=TEXT)
    if needs_article and article is None:
        return HttpResponseBadRequest(BAD_ARTICLE, content_type=TEXT)
    flow = make_flow(page)
    # The notice, if any, is for the page that shows it and deletes it.
    context = flow.context(request, article, take_notice=False)
    return TemplateResponse(request, flow.body_template, context)


@never_cache
@require_safe
def poll_part(request, poll_id):
    """The poll card's body for this reader: on ``?article=``, or without one (home page)."""
    return _part(request, PollPage, poll_id, PollFlow)


@never_cache
@require_safe
def survey_part(request, survey_id):
    """The survey's body for this reader: at the foot of ``?article=``, or on its own page."""
    return _part(request, SurveyPage, survey_id, SurveyFlow)


@never_cache
@require_safe
def quiz_part(request, quiz_id, phase):
    """A quiz part for this reader, before or after reading ``?article=``."""
    return _part(request, QuizPage, quiz_id, partial(QuizFlow, phase=phase), needs_article=True)
