"""The compliance reports in the admin: their URLs, Reports menu items and dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub_site.certification import report_views
from hub_site.certification.reports import may_view_reports


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "certification/",
            include(
                (
                    [
                        path(
                            "certificates/",
                            report_views.CertificatesReportView.as_view(),
                            name="certificates",
                        ),
                        path(
                            "certificates/results/",
                            report_views.CertificatesReportView.as_view(results_only=True),
                            name="certificates_results",
                        ),
                        path(
                            "certificates/<int:pk>/",
                            report_views.CertificateView.as_view(),
                            name="certificate",
                        ),
                        path(
                            "certificates/<int:pk>/html/",
                            report_views.certified_html,
                            name="certificate_html",
                        ),
                        path(
                            "certificates/<int:pk>/content/",
                            report_views.certified_content,
                            name="certificate_content",
                        ),
                        path(
                            "compliance/",
                            report_views.ComplianceReportView.as_view(),
                            name="compliance",
                        ),
                        path(
                            "compliance/results/",
                            report_views.ComplianceReportView.as_view(results_only=True),
                            name="compliance_results",
                        ),
                    ],
                    report_views.NAMESPACE,
                ),
                namespace=report_views.NAMESPACE,
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_certificates_menu_item():
    return ComplianceMenuItem(
        _("Certificates"),
        reverse(f"{report_views.NAMESPACE}:certificates"),
        name="certificates",
        icon_name="success",
        order=950,
    )


@hooks.register("register_reports_menu_item")
def register_compliance_menu_item():
    return ComplianceMenuItem(
        _("Compliance"),
        reverse(f"{report_views.NAMESPACE}:compliance"),
        name="compliance",
        icon_name="warning",
        order=960,
    )


@hooks.register("construct_homepage_panels")
def add_recertification_panel(request, panels):
    panels.append(report_views.RecertificationPanel())
