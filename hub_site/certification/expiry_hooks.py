"""Re-certification in the admin: its confirmation view and the page header button."""

from django.urls import include, path

from wagtail import hooks

from hub_site.certification import recertify


@hooks.register("register_admin_urls")
def register_recertify_url():
    return [
        path(
            "certification/recertify/<int:page_id>/",
            include(
                ([path("", recertify.recertify, name="recertify")], "hub_recertify"),
                namespace="hub_recertify",
            ),
        )
    ]


@hooks.register("register_page_header_buttons")
def recertify_header_button(page, user, view_name, next_url=None):
    yield recertify.RecertifyButton(page=page, priority=18)
