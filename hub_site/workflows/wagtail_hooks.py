from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.models import SupportPage
from hub_site.workflows import (
    dashboard,
    disclosures,
    editor_notices,
    review_actions,
    review_confirmation,
    review_report,
    translation_review,
)
from hub_site.workflows.models import FOUR_EYES_OVERRIDE
from hub_site.workflows.roles import is_site_manager


@hooks.register("register_log_actions")
def register_four_eyes_override(actions):
    actions.register_action(
        FOUR_EYES_OVERRIDE,
        _("Approved for an absent reviewer"),
        _("Approved a step for an absent reviewer (site manager, with a reason)"),
    )


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    return [
        path(
            "hub/translations/<int:page_id>/submit/",
            include(
                (
                    [
                        path(
                            "",
                            translation_review.submit_translation_for_review,
                            name="submit_translation",
                        )
                    ],
                    "hub_workflows",
                ),
                namespace="hub_workflows",
            ),
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def translation_listing_buttons(page, user, next_url=None):
    yield translation_review.SubmitTranslationButton(page=page, priority=5)


@hooks.register("register_page_header_buttons")
def translation_header_buttons(page, user, view_name, next_url=None):
    yield translation_review.SubmitTranslationButton(page=page, priority=12)


@hooks.register("filter_form_submissions_for_user")
def support_submissions_for_site_managers_only(user, form_pages):
    """Support form submissions hold readers' e-mail addresses; editors, who may edit the
    support page, do not need them. Survey responses are anonymous and stay listed."""
    if is_site_manager(user):
        return form_pages
    return form_pages.not_type(SupportPage)


# Wagtail's own workflow panels, replaced by work lists that say since when and by whom.
# Its "Your most recent edits" too: the work lists show an editor's drafts and what is in
# review, and its table has a "Privacy and access" column that stays empty but for the rare
# page under a Wagtail view restriction or locked (readers' access is the HCP gate's).
REPLACED_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "recent_edits",
}


@hooks.register("construct_homepage_panels")
def work_list_panels(request, panels):
    review_confirmation.confirm_review(request)
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.extend(dashboard.work_list_panels())


@hooks.register("before_edit_page")
def requested_changes_banner(request, page):
    if request.method == "GET":
        editor_notices.show_requested_changes(request, page)


# Before wagtail-localize's before_edit_page hook, which handles its editor's own posts.
hooks.register("before_edit_page", review_actions.perform_without_saving, order=-5)
# Before a reviewer's action is performed without saving (above), so Approve is refused too.
hooks.register("before_edit_page", disclosures.guard_edit_view, order=-10)
hooks.register("before_create_page", disclosures.guard_create_view)


@hooks.register("after_edit_page")
def back_to_the_dashboard_after_a_review(request, page):
    url = review_confirmation.review_confirmation_url(request, page)
    return redirect(url) if url else None


@hooks.register("construct_page_action_menu")
def say_what_resubmitting_does(menu_items, request, context):
    page = context.get("page")
    if page is None or not page.pk or editor_notices.requested_changes(page) is None:
        return
    for index, item in enumerate(menu_items):
        if item.name == "action-submit":
            menu_items[index] = editor_notices.ResubmitMenuItem(order=item.order)
        elif item.name == "action-restart-workflow":
            item.label = _("Restart the review from its first step")


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/reviews/",
            include(
                (
                    [
                        path("", review_report.ReviewTasksView.as_view(), name="index"),
                        path(
                            "results/",
                            review_report.ReviewTasksView.as_view(results_only=True),
                            name="results",
                        ),
                    ],
                    review_report.NAMESPACE,
                ),
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return review_report.ReviewsMenuItem(
        _("Your reviews"),
        reverse(f"{review_report.NAMESPACE}:index"),
        name="your-reviews",
        icon_name="thumbtack",
        order=690,
    )
