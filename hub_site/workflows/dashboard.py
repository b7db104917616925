"""The dashboard as each person's work list: one Wagtail panel per need, shown only to
those who can act on it (what they wrote, what they review, what they translate)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from hub_site.workflows import work_lists
from hub_site.workflows.roles import TRANSLATORS, in_any_group, is_site_manager

SUBMITTED_BY = _("Submitted by")
WAITING_FOR = _("Waiting for")
ALL_YOUR_REVIEWS = ("hub_reviews:index", _("All your reviews"))


def everyone(user):
    return True


def reviewers(user):
    # Site managers may review every step: their queue is "Everything in review".
    return not is_site_manager(user) and bool(work_lists.reviewed_tasks(user))


def translators(user):
    return in_any_group(user, (TRANSLATORS,))


class WorkListPanel(Component):
    """A dashboard panel listing ``work_lists`` rows. An empty list is not shown, unless
    the panel says what empty means (a reviewer's "Nothing awaits your review")."""

    template_name = "hub_workflows/dashboard/work_list.html"

    def __init__(
        self,
        name,
        order,
        heading,
        rows,
        columns,
        *,
        shown_to=everyone,
        empty_text="",
        person_label=SUBMITTED_BY,
        # The "since" column says how long a row has waited ("Waiting for: 3 days") or, with
        # the heading given here, how long ago it was done ("Last edited: 3 days ago").
        done_label="",
        # (URL name, label) of the link to everything of the kind.
        more=("", ""),
    ):
        self.name = name
        self.order = order
        self.heading = heading
        self.rows = rows
        self.columns = columns
        self.shown_to = shown_to
        self.empty_text = empty_text
        self.person_label = person_label
        self.since_label = done_label or WAITING_FOR
        self.since_is_wait = not done_label
        self.more_url_name, self.more_label = more

    def render_html(self, parent_context):
        request = parent_context["request"]
        if not self.shown_to(request.user):
            return ""
        rows = self.rows(request.user)
        if not rows and not self.empty_text:
            return ""
        context = {
            "panel": self,
            "rows": rows,
            # Translation progress only where a row is a translation.
            "columns": [
                column
                for column in self.columns
                if column != "progress" or any(row.progress for row in rows)
            ],
            "more_url": reverse(self.more_url_name) if self.more_url_name else "",
        }
        return render_to_string(self.template_name, context, request=request)


class ToTranslatePanel(WorkListPanel):
    """Per language in use: what to translate and what is out of date."""

    template_name = "hub_workflows/dashboard/to_translate.html"


def work_list_panels():
    return [
        WorkListPanel(
            "hub_awaiting_review",
            90,
            _("Awaiting your review"),
            work_lists.awaiting_review,
            ("language", "step", "person", "since", "progress", "actions"),
            shown_to=reviewers,
            empty_text=_("Nothing awaits your review."),
            more=ALL_YOUR_REVIEWS,
        ),
        WorkListPanel(
            "hub_review_queue",
            95,
            _("Everything in review"),
            work_lists.review_queue,
            ("language", "step", "person", "since", "progress"),
            shown_to=is_site_manager,
            empty_text=_("Nothing is in review."),
            more=("wagtailadmin_reports:workflow", _("All workflows")),
        ),
        WorkListPanel(
            "hub_changes_requested",
            100,
            _("Changes requested"),
            work_lists.changes_requested,
            ("language", "step", "person", "since", "comment"),
            person_label=_("Reviewer"),
            done_label=_("Requested"),
        ),
        ToTranslatePanel(
            "hub_to_translate",
            110,
            _("To translate"),
            lambda user: list(work_lists.to_translate(user).items()),
            (),
            shown_to=translators,
            empty_text=_("Every page is translated and up to date."),
            more=("hub_translation:status_report", _("Translation status of every page")),
        ),
        WorkListPanel(
            "hub_my_drafts",
            120,
            _("Your drafts"),
            work_lists.my_drafts,
            ("language", "since"),
            done_label=_("Last edited"),
        ),
        WorkListPanel(
            "hub_mine_in_review",
            130,
            _("Yours in review"),
            work_lists.mine_in_review,
            ("language", "step", "since", "progress"),
        ),
        WorkListPanel(
            "hub_recently_reviewed",
            160,
            _("Reviewed by you recently"),
            work_lists.recently_reviewed,
            ("language", "step", "person", "since", "comment"),
            shown_to=reviewers,
            done_label=_("Reviewed"),
            more=ALL_YOUR_REVIEWS,
        ),
    ]
