"""Re-certification in the admin: its confirmation view and the page header button."""

from django.urls import path

from hub_site.admin_hooks import register_admin_urls, register_page_button
from hub_site.certification import recertify

register_admin_urls(
    "certification/recertify/<int:page_id>/",
    [path("", recertify.recertify, name="recertify")],
    "hub_recertify",
)

register_page_button("register_page_header_buttons", recertify.RecertifyButton, priority=18)
