from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.models import SupportPage
from hub_site.workflows import translation_review
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
