"""Reports → Your reviews: every review step a person acts on, in Wagtail's workflow-tasks
report (filters, pagination, CSV and Excel export).

Wagtail's own Workflows reports list what a person may edit or publish; reviewers edit and
publish nothing (they approve through their tasks), so those reports refuse them.
"""

from django.contrib.auth.mixins import UserPassesTestMixin
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.workflows import WorkflowTasksView
from wagtail.models import TaskState

from hub_site.workflows.work_lists import reviewed_tasks

NAMESPACE = "hub_reviews"


class ReviewTasksView(UserPassesTestMixin, WorkflowTasksView):
    page_title = _("Your reviews")
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:results"
    # Wagtail's export names these columns by their field names.
    export_headings = {
        **WorkflowTasksView.export_headings,
        "task": _("Step"),
        "started_at": _("Started at"),
        "finished_at": _("Finished at"),
        "finished_by": _("Finished by"),
    }
    # Who may see it is who reviews a step, not a page permission.
    any_permission_required = None

    def test_func(self):
        return bool(reviewed_tasks(self.request.user))

    @cached_property
    def header_buttons(self):
        return []

    def get_queryset(self):
        return (
            TaskState.objects.filter(
                task__in=[task.pk for task in reviewed_tasks(self.request.user)]
            )
            .select_related("workflow_state", "task")
            .prefetch_related(
                "workflow_state__content_object",
                "workflow_state__content_object__latest_revision",
            )
            .order_by("-started_at")
        )


class ReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(reviewed_tasks(request.user))
