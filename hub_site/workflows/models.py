from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput
from wagtail.forms import TaskStateCommentForm
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask

from hub_site.certification.authorship import acts_for_absent_reviewer, approval_refusal
from hub_site.certification.models import ApprovalNote
from hub_site.workflows.disclosures import task_refusal
from hub_site.workflows.review_confirmation import dashboard_url

# Logged when a site manager approves a step for an absent reviewer.
FOUR_EYES_OVERRIDE = "hub.four_eyes_override"


class ApprovalForm(TaskStateCommentForm):
    review_by = forms.DateField(
        label=_("Review by (optional)"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "An earlier re-certification date than the site's default, when the content needs it."
        ),
    )


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval in which nobody approves their own work.

    The authors of a run (who saved a revision since the object was last published, who
    translated it, who submitted it) may request changes but not approve; each step of a
    run is approved by a different person; a site manager may stand in for an absent
    reviewer only with a written reason, which is logged and goes on the certificate.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        task_state = obj.current_workflow_task_state if actions else None
        if task_state is None:
            return actions
        if approval_refusal(task_state, user) is not None or task_refusal(task_state):
            return [action for action in actions if action[0] != "approve"]
        if acts_for_absent_reviewer(self, user):
            return [
                *(action for action in actions if action[0] != "approve"),
                ("approve", _("Approve for an absent reviewer (reason required)"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        return ApprovalForm if action == "approve" else super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        review_by = kwargs.pop("review_by", None)
        if action_name == "approve":
            comment = kwargs.get("comment", "") or ""
            refusal = approval_refusal(task_state, user, reason=comment) or task_refusal(task_state)
            if refusal:
                raise PermissionDenied(refusal)
            stands_in = acts_for_absent_reviewer(self, user)
            if review_by or stands_in:
                ApprovalNote.objects.create(
                    task_state_id=task_state.pk,
                    review_by=forms.DateField().clean(review_by) if review_by else None,
                    stands_in_for_absent_reviewer=stands_in,
                    reason=comment if stands_in else "",
                )
            if stands_in:
                log(
                    instance=task_state.workflow_state.content_object,
                    action=FOUR_EYES_OVERRIDE,
                    user=user,
                    data={
                        "task": self.name,
                        "revision_id": task_state.revision_id,
                        "reason": comment,
                    },
                )
        super().on_action(task_state, user, action_name, **kwargs)
        # Wagtail's workflow action view goes where on_action says: the reviewer's dashboard,
        # which confirms what they did (editor_notices.confirm_review).
        return dashboard_url(task_state)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, except the authors of the content under "
            "review (four-eyes principle)"
        )

    class Meta:
        verbose_name = _("four-eyes approval task")
        verbose_name_plural = _("four-eyes approval tasks")
