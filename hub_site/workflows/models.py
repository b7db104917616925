from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask

from hub_site.workflows.roles import SITE_MANAGERS

FOUR_EYES_OVERRIDE = "hub.four_eyes_override"


def is_site_manager(user):
    return user.is_superuser or user.groups.filter(name=SITE_MANAGERS).exists()


def may_override_four_eyes(user):
    return is_site_manager(user)


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval in which nobody approves their own work.

    A member of the task's groups who submitted the content, or saved any revision of it
    since it was submitted, may request changes but not approve. A site manager may
    override; the override is written to the audit log.
    """

    def is_author_of_revision_under_review(self, obj, user):
        workflow_state = obj.current_workflow_state
        if workflow_state is None:
            return False
        if workflow_state.requested_by_id == user.pk:
            return True
        first_task_state = workflow_state.task_states.order_by("pk").first()
        revisions = obj.revisions.filter(user=user)
        if first_task_state and first_task_state.revision_id:
            revisions = revisions.filter(pk__gte=first_task_state.revision_id)
        return revisions.exists()

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if (
            actions
            and not may_override_four_eyes(user)
            and self.is_author_of_revision_under_review(obj, user)
        ):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name == "approve" and self.is_author_of_revision_under_review(obj, user):
            if not may_override_four_eyes(user):
                raise PermissionDenied(_("You cannot approve a revision you wrote."))
            log(
                instance=obj,
                action=FOUR_EYES_OVERRIDE,
                user=user,
                data={"task": self.name, "revision_id": task_state.revision_id},
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, except the author of the revision under "
            "review (four-eyes principle)"
        )

    class Meta:
        verbose_name = _("four-eyes approval task")
        verbose_name_plural = _("four-eyes approval tasks")
