"""The compliance reports in the admin: their URLs, Reports menu items and dashboard panel."""

from django.urls import path

from wagtail import hooks

from hub_site.admin_hooks import register_admin_urls, register_menu_item, report_urls
from hub_site.certification.report_views import (
    NAMESPACE,
    CertificatesReportView,
    CertificateView,
    ComplianceReportView,
    RecertificationPanel,
    certified_content,
    certified_html,
)
from hub_site.certification.reports import may_view_reports

register_admin_urls(
    "certification/",
    [
        *report_urls("certificates/", CertificatesReportView, "certificates"),
        path("certificates/<int:pk>/", CertificateView.as_view(), name="certificate"),
        path("certificates/<int:pk>/html/", certified_html, name="certificate_html"),
        path("certificates/<int:pk>/content/", certified_content, name="certificate_content"),
        *report_urls("compliance/", ComplianceReportView, "compliance"),
    ],
    NAMESPACE,
)

register_menu_item(
    "register_reports_menu_item",
    CertificatesReportView.index_url_name,
    CertificatesReportView,
    shown_to=may_view_reports,
    name="certificates",
    order=950,
)

register_menu_item(
    "register_reports_menu_item",
    ComplianceReportView.index_url_name,
    ComplianceReportView,
    shown_to=may_view_reports,
    name="compliance",
    order=960,
)


@hooks.register("construct_homepage_panels")
def add_recertification_panel(request, panels):
    panels.append(RecertificationPanel())
