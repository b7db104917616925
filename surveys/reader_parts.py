"""A reader's own version of a poll or survey part, for the edge to put in a shared page.

A page rendered for readers without state of their own marks its poll and survey parts
(``reader_part_url``, ``hub_site/templatetags/reader_parts.py``); for a reader who has voted
or answered, nginx replaces each mark with the body of these views: exactly the markup the
part shows inside the page for this reader (the open form, "already answered", the results),
from the same context and include templates, without the page around it.

nginx asks for one per part on every such page view, so they read only what the part
needs: the live poll or survey and the article are read once per content generation
(``live_page``, ``readers.resolve_article``); the reader's vote or answer is one query.
They change nothing: a notice is left for the page that shows it, and no cookie is written.
Every answer is ``private, no-store`` (it is this reader's). An unknown, unpublished or
private poll or survey is a 404, and an ``article`` that is no live article a 400, each
with one short line of text rather than the site's error page: nginx puts the body of
whatever a subrequest answers in the page.
"""

from django.http import HttpResponseBadRequest, HttpResponseNotFound
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from surveys import readers
from surveys.models import PollPage, SurveyPage
from surveys.views import live_page, poll_context, survey_context

TEXT = "text/plain; charset=utf-8"
NOT_FOUND = _("This poll or survey could not be found.")
BAD_ARTICLE = _("The article this poll or survey was asked for could not be found.")


def _part(request, model, page_id, context_for, template_name):
    page, restricted = live_page(request, model, page_id)
    # A page an editor made private asks for a password or a sign-in on its own URL; its
    # part is shown to no one here.
    if page is None or restricted:
        return HttpResponseNotFound(NOT_FOUND, content_type=TEXT)
    try:
        article = readers.resolve_article(request.GET.get("article"), page.locale_id, request)
    except readers.InvalidArticle:
        return HttpResponseBadRequest(BAD_ARTICLE, content_type=TEXT)
    # The notice, if any, is for the page that shows it and deletes it.
    context = context_for(request, page, article, take_notice=False)
    return TemplateResponse(request, template_name, context)


@never_cache
@require_safe
def poll_part(request, poll_id):
    """The poll card's body for this reader: on ``?article=``, or without one (home page)."""
    return _part(request, PollPage, poll_id, poll_context, "surveys/includes/poll_body.html")


@never_cache
@require_safe
def survey_part(request, survey_id):
    """The survey's body for this reader: at the foot of ``?article=``, or on its own page."""
    return _part(
        request, SurveyPage, survey_id, survey_context, "surveys/includes/survey_body.html"
    )
