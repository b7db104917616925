"""The admin's publishing doors, closed with a clear message; withdrawal for reviewers."""

from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages

import hub_site.certification.expiry_hooks  # registers re-certify
import hub_site.certification.report_hooks  # noqa: F401 - registers the reports
from hub_site.certification import sync, withdrawal
from hub_site.certification.refusal import refuse
from hub_site.translation.approval import translation_blockers

PUBLISH_MENU_ITEMS = {"action-publish", "action-unpublish"}


def asks_to_publish(request):
    # The edit and create forms post "action-publish"; wagtail-localize's translation
    # editor posts action=publish.
    return request.method == "POST" and (
        "action-publish" in request.POST or request.POST.get("action") == "publish"
    )


# Before wagtail-localize's before_edit_page hook, which publishes from its editor.
@hooks.register("before_edit_page", order=-20)
def refuse_publishing_from_the_editor(request, page):
    if asks_to_publish(request):
        return refuse(request, page)
    return None


@hooks.register("before_edit_page")
def say_why_a_translation_cannot_be_approved(request, page):
    """A reviewer opening a translation in review sees what stands in the way of Approve
    (for example "4 of 8 text segments are not translated yet.")."""
    if request.method == "GET" and page.workflow_in_progress:
        blockers = translation_blockers(page)
        if blockers:
            messages.warning(
                request,
                _("This translation cannot be approved yet: %(reasons)s")
                % {"reasons": " ".join(str(blocker) for blocker in blockers)},
            )
    return None


@hooks.register("before_create_page")
def refuse_publishing_a_new_page(request, parent_page, page_class):
    if asks_to_publish(request):
        return refuse(request, parent_page)
    return None


@hooks.register("before_copy_page")
def refuse_publishing_copies(request, page):
    if request.method == "POST" and request.POST.get("publish_copies"):
        return refuse(request, page)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing(request, action_type, objects, action_class_instance):
    if action_type == "publish" and request.method == "POST":
        return refuse(request)
    return None


@hooks.register("before_unpublish_page")
def unpublish_through_withdrawal(request, page):
    """Superusers would see Wagtail's own Unpublish; withdrawal asks for the reason."""
    return redirect("hub_certification:withdraw", page.pk)


@hooks.register("construct_page_action_menu")
def remove_publish_actions(menu_items, request, context):
    # Superusers hold every permission, so Wagtail offers them Publish; it would be refused.
    menu_items[:] = [item for item in menu_items if item.name not in PUBLISH_MENU_ITEMS]


@hooks.register("register_admin_urls")
def register_certification_urls():
    return [
        # In place of wagtail-localize's "Sync translated pages" (sync.py says why).
        path(
            "localize/update/<int:translation_source_id>/",
            sync.SyncWithoutPublishingView.as_view(),
            name="hub_sync_translations",
        ),
        path(
            "certification/",
            include(
                (
                    [path("withdraw/<int:page_id>/", withdrawal.withdraw, name="withdraw")],
                    "hub_certification",
                ),
                namespace="hub_certification",
            ),
        ),
    ]


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name, next_url=None):
    yield withdrawal.WithdrawButton(page=page, priority=20)


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    yield withdrawal.WithdrawButton(page=page, priority=20)


@hooks.register("register_log_actions")
def register_withdraw_action(actions):
    actions.register_action(withdrawal.WITHDRAW_ACTION, _("Withdraw"), _("Withdrawn from readers"))
