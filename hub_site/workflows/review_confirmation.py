"""Where a reviewer lands after acting on a review step, and what they are told there:
their dashboard, saying what they did and where the content goes next."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState, WorkflowState


def confirm_review(request):
    """On the dashboard a reviewer returns to after acting: what they did and where the
    content goes next."""
    reviewed = request.GET.get("reviewed", "")
    # A task state's id: a positive 32-bit integer (larger ones overflow PostgreSQL's).
    if not reviewed.isdigit() or int(reviewed) >= 2**31:
        return
    task_state = (
        TaskState.objects.filter(pk=reviewed, finished_by=request.user)
        .select_related("task", "workflow_state")
        .first()
    )
    if task_state is None:
        return
    title = str(task_state.workflow_state.content_object)
    if task_state.status == TaskState.STATUS_REJECTED:
        messages.success(
            request,
            _("You requested changes to “%(title)s” at %(task)s; its author has been told.")
            % {"title": title, "task": task_state.task.name},
        )
        return
    next_task = task_state.workflow_state.current_task_state
    if task_state.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and next_task:
        text = _("You approved “%(title)s” at %(task)s. It now waits at %(next)s.")
    else:
        text = _("You approved “%(title)s” at %(task)s. Its review is complete.")
    messages.success(
        request,
        text
        % {
            "title": title,
            "task": task_state.task.name,
            "next": next_task.task.name if next_task else "",
        },
    )


def review_confirmation_url(request, page):
    """After a reviewer acts from the page's editor (its footer's "Approve" or "Request
    changes" posts the edit form), their dashboard says what they did, instead of Wagtail's
    explorer, which a reviewer may not open."""
    if "action-workflow-action" not in request.POST:
        return None
    task_state = (
        TaskState.objects.filter(
            finished_by=request.user,
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
        )
        .order_by("-finished_at")
        .first()
    )
    if task_state is None:
        return None
    return dashboard_url(task_state)


def dashboard_url(task_state):
    return f"{reverse('wagtailadmin_home')}?{urlencode({'reviewed': task_state.pk})}"
