"""Demo pages go live the way real ones do: submitted by the demo editor, approved step by
step by the demo reviewers, and certified (hub_site/certification)."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

from hub_site.certification.authorship import reviewer_groups
from hub_site.certification.issue import record_legacy_certificate

SUBMITTER = "editor"


def reviewer_for(task_state, authors):
    return (
        get_user_model()
        .objects.filter(groups__in=reviewer_groups(task_state.task.specific), is_active=True)
        .exclude(pk__in=authors)
        .order_by("pk")
        .first()
    )


def publish_reviewed(revision):
    """Walk ``revision`` through its page's workflow; returns the published page.

    Without the demo users (load_demo outside DEBUG creates none) the page is recorded as
    legacy content instead, as ``record_legacy_certificates`` does for pages that were
    live before certification.
    """
    page = revision.content_object
    if not isinstance(page, Page):
        revision.publish()  # a snippet: no workflow, no certificate
        return page
    page = page.specific
    submitter = get_user_model().objects.filter(username=SUBMITTER).first()
    workflow = page.get_workflow()
    if submitter is None or workflow is None:
        record_legacy_certificate(revision)
        revision.publish(skip_permission_checks=True)
        return page
    state = workflow.start(page, submitter)
    while state.status == state.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        reviewer = reviewer_for(task_state, {submitter.pk})
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        state.refresh_from_db()
    page.refresh_from_db()
    return page
