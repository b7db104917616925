"""Who wrote what a workflow run reviews, and whether someone may approve a step of it.

The four-eyes rules hold for every path to an approval (the edit view's footer, the
workflow action URL, code calling the task): the task asks ``approval_refusal`` before
approving, and certificate issuance asks ``run_refusal`` again before anything goes live.
"""

from django.utils.translation import gettext as _

from wagtail.models import Revision, TaskState

from hub_site.certification.models import Certificate
from hub_site.translation.approval import translation_blockers, translators_since
from hub_site.workflows.roles import SITE_MANAGERS, is_site_manager


def baseline_revision(obj):
    """The revision last published (live, or the latest certified), or None if never."""
    candidates = [getattr(obj, "live_revision_id", None)]
    candidates.append(
        Certificate.objects.for_object(obj)
        .order_by("-revision_id")
        .values_list("revision_id", flat=True)
        .first()
    )
    revision_id = max((pk for pk in candidates if pk), default=None)
    if revision_id is None:
        return None
    return Revision.objects.filter(pk=revision_id).only("pk", "created_at").first()


def authors_of_run(workflow_state):
    """Everyone who saved a revision since the object was last published, plus the
    submitter, plus the translators of its text in that time (user ids)."""
    obj = workflow_state.content_object
    baseline = baseline_revision(obj)
    revisions = Revision.objects.for_instance(obj).exclude(user=None)
    if baseline is not None:
        revisions = revisions.filter(pk__gt=baseline.pk)
    authors = set(revisions.values_list("user_id", flat=True))
    if workflow_state.requested_by_id:
        authors.add(workflow_state.requested_by_id)
    authors |= translators_since(obj, baseline.created_at if baseline else None)
    return authors


def reviewer_groups(task):
    """The task's groups other than site managers, who only stand in for absent reviewers."""
    return task.groups.exclude(name=SITE_MANAGERS)


def acts_for_absent_reviewer(task, user):
    return is_site_manager(user) and not reviewer_groups(task).filter(user=user).exists()


def approved_elsewhere_in_run(task_state, user):
    """Did the user approve another step of this run, on the revision under review?"""
    return (
        TaskState.objects.filter(
            workflow_state_id=task_state.workflow_state_id,
            revision_id=task_state.revision_id,
            status=TaskState.STATUS_APPROVED,
            finished_by=user,
        )
        .exclude(task_id=task_state.task_id)
        .exists()
    )


def approval_refusal(task_state, user, reason=None):
    """Why ``user`` may not approve this step, or None. ``reason`` is checked only when
    given (the approval itself): a site manager standing in must write one."""
    workflow_state = task_state.workflow_state
    if user.pk in authors_of_run(workflow_state):
        return _(
            "You cannot approve this: you wrote, edited, translated or submitted it since it "
            "was last published. Another reviewer must approve it."
        )
    if approved_elsewhere_in_run(task_state, user):
        return _(
            "You approved another step of this review. Each step must be approved by a "
            "different person."
        )
    if (
        reason is not None
        and not reason.strip()
        and acts_for_absent_reviewer(task_state.task.specific, user)
    ):
        return _("You are approving for an absent reviewer: write the reason in the comment.")
    blockers = translation_blockers(workflow_state.content_object)
    if blockers:
        return " ".join(str(blocker) for blocker in blockers)
    return None


def run_refusal(workflow_state, approvals):
    """Why the run's approvals cannot certify it, or None (checked again at issuance)."""
    if {state.task_id for state in approvals} != {
        task.pk for task in workflow_state.workflow.tasks
    }:
        return _("Not every step of the review approved the revision going live.")
    authors = authors_of_run(workflow_state)
    approvers = [state.finished_by_id for state in approvals]
    if any(approver is None or approver in authors for approver in approvers):
        return _("An author of this content approved a step of its review.")
    if len(set(approvers)) != len(approvers):
        return _("One person approved more than one step of this review.")
    blockers = translation_blockers(workflow_state.content_object)
    if blockers:
        return " ".join(str(blocker) for blocker in blockers)
    return None
