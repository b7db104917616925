"""Re-certification: a reviewer or site manager submits a live page, unchanged, for review.

When a review-by date nears, the content often needs no change. This starts the page's
workflow on its live revision, as Wagtail's own "Submit for review" starts it on a draft,
without an editor saving a copy first. The person who starts it is the run's submitter,
so by the four-eyes rules (authorship.py) others approve it; the last approval issues a
new certificate with a new review-by date and publishes the same revision again
(hub_site/workflows/actions.py).

A page with a draft newer than its live version is refused: the draft is what its editor
means to publish, and its own review re-certifies the page.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from hub_site.certification.models import Certificate
from hub_site.workflows.disclosures import latest_refusal
from hub_site.workflows.roles import is_site_manager


def reviewer_group_ids(workflow):
    """The groups whose members approve a step of the workflow."""
    group_ids = set()
    for task in workflow.tasks:
        task_groups = getattr(task.specific, "groups", None)
        if task_groups is not None:
            group_ids.update(task_groups.values_list("pk", flat=True))
    return group_ids


def may_recertify(user, page):
    """Site managers, and the reviewers of the page's own workflow."""
    if not user.is_active:
        return False
    if is_site_manager(user):
        return True
    workflow = page.get_workflow()
    return workflow is not None and user.groups.filter(pk__in=reviewer_group_ids(workflow)).exists()


def refusal(page):
    """Why the page cannot be re-certified as it is live, or None."""
    if not page.live:
        return _("This page is not live: an editor submits it for review from the page.")
    if page.get_workflow() is None:
        return _("No review workflow applies to this page.")
    if page.workflow_in_progress:
        return _("This page is being reviewed already.")
    if page.latest_revision_id != page.live_revision_id:
        return _(
            "This page has a draft newer than its live version. Submit the draft for review "
            "instead: its approval re-certifies the page."
        )
    # The same rule as submitting: every contributor's disclosure confirmed this year.
    return latest_refusal(page)


def after_start_url(page, user):
    """The page's editor if its first step lets this person open it, else the dashboard."""
    page = Page.objects.get(pk=page.pk)
    if page.permissions_for_user(user).can_edit():
        return reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def recertify(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_recertify(request.user, page):
        raise PermissionDenied(_("Only the page's reviewers and site managers re-certify it."))
    refused = refusal(page)
    workflow = page.get_workflow()
    if request.method == "POST" and not refused:
        try:
            with transaction.atomic():
                workflow.start(page, request.user)
        except IntegrityError:
            # Someone started a review a moment before: Wagtail allows one run at a time.
            refused = _("This page is being reviewed already.")
        else:
            messages.success(
                request,
                _("“%(title)s” has been submitted to %(workflow)s for re-certification.")
                % {"title": page.get_admin_display_title(), "workflow": workflow.name},
            )
            return redirect(after_start_url(page, request.user))
    certificate = (
        Certificate.objects.filter(revision_id=page.live_revision_id).first()
        if page.live_revision_id
        else None
    )
    return TemplateResponse(
        request,
        "hub_certification/recertify.html",
        {
            "page_title": _("Re-certify"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "resubmit",
            "page": page,
            "workflow": workflow,
            "tasks": list(workflow.tasks) if workflow else [],
            "certificate": certificate,
            "refusal": refused,
        },
        # A refused POST changed nothing: the page's state conflicts with the request.
        status=409 if request.method == "POST" else 200,
    )


class RecertifyButton(PageMenuItem):
    label = gettext_lazy("Re-certify")
    icon_name = "resubmit"
    url_name = "hub_recertify:recertify"

    def is_shown(self, user):
        return (
            self.page.live and not self.page.workflow_in_progress and may_recertify(user, self.page)
        )
