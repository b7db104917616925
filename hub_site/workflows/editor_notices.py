"""What the editor of a page in review needs to read on its edit screen: the reviewer's
request for changes, and what resubmitting will do."""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.utils import get_user_display_name
from wagtail.models import TaskState, WorkflowState

from hub_site.workflows.work_lists import age


def requested_changes(page):
    """The task state whose reviewer sent the page back, or None."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return workflow_state.current_task_state


def show_requested_changes(request, page):
    task_state = requested_changes(page)
    if task_state is None:
        return
    text = _("Changes requested by %(reviewer)s at “%(task)s”, %(age)s ago.") % {
        "reviewer": get_user_display_name(task_state.finished_by) or _("a reviewer"),
        "task": task_state.task.name,
        "age": age(task_state.finished_at),
    }
    if task_state.comment:
        text += " " + _("Their comment: “%(comment)s”") % {"comment": task_state.comment}
    messages.warning(request, text)


def steps_to_review_again(workflow_state):
    """The steps a resubmission goes through: the one that asked for changes, then every
    step approved earlier in this run, because resubmitting saves a new revision and each
    approval holds for the revision it approved (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)."""
    current = workflow_state.current_task_state.task
    if not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        return [current.name]
    approved = (
        workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED)
        .exclude(task=current)
        .values_list("task__name", flat=True)
        .distinct()
    )
    return [current.name, *approved]


def resubmit_label(workflow_state):
    steps = steps_to_review_again(workflow_state)
    if len(steps) == 1:
        return _("Resubmit to %(task)s") % {"task": steps[0]}
    return _("Resubmit: %(steps)s again, because the page changed") % {
        "steps": _(", then ").join(steps)
    }


class ResubmitMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Resubmit to <step>", saying every step the resubmission goes through."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = resubmit_label(context["page"].current_workflow_state)
        return context
