"""Submitting a translated page to its locale's translation review.

wagtail-localize's translation editor saves translated strings and can publish, but has no
"submit for review" action of its own. Translators hold no publish permission, so this view
turns their strings into a draft revision and starts the page's workflow, which is the
translation review of the page's locale. A translation that could not be approved
(untranslated segments, figures differing from the original unconfirmed, departures from
the glossary without a reason) is not submitted.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from hub_site.translation.approval import translation_blockers
from hub_site.translation.drafts import save_translation_draft
from hub_site.translation.glossary import glossary_warnings, unexplained
from hub_site.translation.glossary_views import glossary_check_url
from hub_site.translation.numbers_guard import flagged_segments, translation_of
from hub_site.translation.views import number_check_url
from hub_site.workflows.disclosures import refusals as disclosure_refusals


def can_submit_translation(page, user):
    return (
        page.permissions_for_user(user).can_submit_for_moderation()
        and translation_of(page) is not None
    )


@require_http_methods(["GET", "POST"])
def submit_translation_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = translation_of(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None or page.workflow_in_progress:
        messages.error(request, _("This page has no translation waiting to be submitted."))
        return redirect("wagtailadmin_pages:edit", page.pk)

    blockers = [*translation_blockers(page), *disclosure_refusals(page)]
    if blockers:
        for blocker in blockers:
            messages.error(request, blocker)
        # The numbers check lists every segment to correct or confirm, the glossary check
        # every departure to correct or explain; the editor shows the untranslated ones.
        if flagged_segments(translation):
            return redirect(number_check_url(page))
        if unexplained(glossary_warnings(translation)):
            return redirect(glossary_check_url(page))
        return redirect("wagtailadmin_pages:edit", page.pk)

    if request.method == "POST":
        save_translation_draft(translation, request.user)
        page.refresh_from_db()
        workflow.start(page, request.user)
        messages.success(
            request,
            _("'%(title)s' has been submitted to %(workflow)s.")
            % {"title": page.get_admin_display_title(), "workflow": workflow.name},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)

    return TemplateResponse(
        request,
        "hub_workflows/submit_translation.html",
        {"page": page, "workflow": workflow, "locale": page.locale},
    )


class SubmitTranslationButton(PageMenuItem):
    label = gettext_lazy("Submit translation for review")
    icon_name = "resubmit"
    url_name = "hub_workflows:submit_translation"

    def is_shown(self, user):
        return can_submit_translation(self.page, user)
