"""A reviewer's Approve or Request changes from a page's editor acts on their review step
and saves nothing.

Wagtail's editor saves the form before acting, and counts a rich text field sent back
slightly differently from how it was stored as an edit: the reviewer would become an
author of the page, the four-eyes rule would refuse their approval, and the review would
start again. Reviewers cannot edit the pages they review, so for them the action is
performed alone, exactly as from the dashboard's workflow-action dialog.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from hub_site.workflows.review_confirmation import dashboard_url


def acts_on_review_step(request):
    return request.method == "POST" and "action-workflow-action" in request.POST


def edits_only_as_reviewer(page, user):
    """Whether the person opens the editor only through their review step (Wagtail lets a
    task's reviewers in) and holds no edit permission of their own on the page."""
    if user.is_superuser:
        return False
    own = page.permissions_for_user(user).permissions
    return "change" not in own and not ("add" in own and page.owner_id == user.pk)


def perform_without_saving(request, page):
    """The response to a reviewer's workflow action posted from the editor, or None when
    the person may edit the page (Wagtail's own save-then-act path applies)."""
    if not acts_on_review_step(request) or not edits_only_as_reviewer(page, request.user):
        return None
    task_state = page.current_workflow_task_state
    action = request.POST.get("workflow-action-name", "")
    task = task_state.task.specific if task_state else None
    if task is None or action not in {name for name, *_ in task.get_actions(page, request.user)}:
        raise PermissionDenied
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = None
    form_class = task.get_form_for_action(action)
    if not isinstance(extra, dict) or (extra and form_class is None):
        return HttpResponseBadRequest(_("The review action's data could not be read."))
    if form_class is not None:
        form = form_class(extra)
        if not form.is_valid():
            return HttpResponseBadRequest(_("The review action's data could not be read."))
        extra = form.cleaned_data
    task.on_action(task_state, request.user, action, **extra)
    return redirect(dashboard_url(task_state))
