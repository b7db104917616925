"""The compliance people's admin views: the certificates report, one certificate, the
compliance report of everything live, and the re-certification panel of the dashboard."""

from collections import OrderedDict
from dataclasses import dataclass

import django_filters

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, Table, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from hub_site.certification.issue import sha256, stable_json
from hub_site.certification.models import Certificate
from hub_site.certification.reports import (
    CERTIFICATE_STATES,
    CERTIFIED,
    LIVE_STATES,
    approved_by,
    approver_usernames,
    count_states,
    language_name,
    live_rows,
    may_view_reports,
    needing_recertification,
    state_label,
    state_query,
    what_changed,
)

NAMESPACE = "hub_certification_reports"


def certificate_url(certificate):
    return reverse(f"{NAMESPACE}:certificate", args=(certificate.pk,))


def file_stem(certificate):
    return certificate.reference_code or f"legacy-{certificate.pk}"


def content_languages():
    return list(get_content_languages().items())


def refuse_unless_allowed(request):
    if not may_view_reports(request.user):
        raise PermissionDenied


class ReportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        refuse_unless_allowed(request)
        return super().dispatch(request, *args, **kwargs)


class OptionalLinkColumn(TitleColumn):
    """A link, or nothing where the row has none (TitleColumn would say "(blank)")."""

    empty_value_display = ""


# Certificates report


class CertificateFilterSet(WagtailFilterSet):
    locale = django_filters.ChoiceFilter(
        label=_("Locale"), choices=content_languages, empty_label=_("All")
    )
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=CERTIFICATE_STATES, method="filter_state", empty_label=_("All")
    )
    issued_at = django_filters.DateFromToRangeFilter(
        label=_("Certified at"), widget=DateRangePickerWidget
    )
    reviewer = django_filters.ChoiceFilter(
        label=_("Reviewer"),
        choices=lambda: [(username, username) for username in approver_usernames()],
        method="filter_reviewer",
        empty_label=_("Anyone"),
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(state_query(value, timezone.localdate()))

    def filter_reviewer(self, queryset, name, value):
        return approved_by(queryset, value)


def certificate_state_label(certificate):
    return state_label(certificate, timezone.localdate())


class CertificatesReportView(ReportAccessMixin, ReportView):
    page_title = _("Certificates")
    header_icon = "success"
    model = Certificate
    verbose_name_plural = _("certificates")
    filterset_class = CertificateFilterSet
    index_url_name = f"{NAMESPACE}:certificates"
    index_results_url_name = f"{NAMESPACE}:certificates_results"
    columns = [
        TitleColumn(
            "reference_code", label=_("Reference code"), accessor=str, get_url=certificate_url
        ),
        Column("title", label=_("Title")),
        Column("specific_type", label=_("Type"), accessor=lambda c: capfirst(c.specific_type)),
        Column("locale", label=_("Locale"), accessor=lambda c: language_name(c.locale)),
        Column("kind", label=_("Kind"), accessor=lambda c: c.get_kind_display()),
        Column("issued_at", label=_("Certified at"), sort_key="issued_at"),
        Column("review_by", label=_("Review by"), sort_key="review_by"),
        StatusTagColumn(
            "state",
            label=_("State"),
            accessor=certificate_state_label,
            primary=lambda c: c.state() == CERTIFIED,
        ),
        Column("approvers", label=_("Approvers"), accessor=lambda c: ", ".join(c.approvers)),
    ]
    list_export = [
        "reference_code",
        "title",
        "specific_type",
        "locale",
        "kind",
        "issued_at",
        "review_by",
        "state",
        "approvers",
        "revision_id",
        "content_sha256",
        "url",
    ]
    export_headings = {
        "reference_code": _("Reference code"),
        "title": _("Title"),
        "specific_type": _("Type"),
        "locale": _("Locale"),
        "kind": _("Kind"),
        "issued_at": _("Certified at"),
        "review_by": _("Review by"),
        "state": _("State"),
        "approvers": _("Approvers"),
        "revision_id": _("Revision"),
        "content_sha256": _("SHA-256 of the content"),
        "url": _("URL"),
    }

    def get_filename(self):
        return f"certificates-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return OrderedDict(
            [
                ("reference_code", item.reference_code or ""),
                ("title", item.title),
                ("specific_type", item.specific_type),
                ("locale", item.locale),
                ("kind", item.get_kind_display()),
                # Seconds are precise enough for an audit, and read better than microseconds.
                ("issued_at", item.issued_at.replace(microsecond=0)),
                ("review_by", item.review_by),
                ("state", certificate_state_label(item)),
                ("approvers", item.approvers),
                ("revision_id", item.revision_id),
                ("content_sha256", item.content_sha256),
                ("url", item.url),
            ]
        )


# Compliance report


class LiveStateFilterSet(WagtailFilterSet):
    """The filter form; the rows are filtered by ComplianceReportView, as they are not one
    queryset (pages and other certified objects together)."""

    locale = django_filters.ChoiceFilter(
        label=_("Locale"), choices=content_languages, empty_label=_("All")
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=LIVE_STATES, empty_label=_("All"))

    class Meta:
        model = Page
        fields = []


def live_row_certificate_url(row):
    return certificate_url(row.certificate) if row.certificate else None


class ComplianceReportView(ReportAccessMixin, ReportView):
    page_title = _("Compliance")
    header_icon = "warning"
    results_template_name = "hub_certification/reports/compliance_results.html"
    filterset_class = LiveStateFilterSet
    index_url_name = f"{NAMESPACE}:compliance"
    index_results_url_name = f"{NAMESPACE}:compliance_results"
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda row: row.edit_url),
        Column("type_label", label=_("Type")),
        Column("language", label=_("Locale")),
        StatusTagColumn(
            "state_label", label=_("State"), primary=lambda row: row.state == CERTIFIED
        ),
        Column(
            "review_by",
            label=_("Certified until"),
            accessor=lambda row: row.certificate.review_by if row.certificate else None,
        ),
        OptionalLinkColumn(
            "certificate",
            label=_("Certificate"),
            accessor=lambda row: str(row.certificate) if row.certificate else "",
            get_url=live_row_certificate_url,
        ),
    ]
    list_export = [
        "title",
        "type",
        "locale",
        "state",
        "reference_code",
        "issued_at",
        "review_by",
        "url",
    ]
    export_headings = {
        "title": _("Title"),
        "type": _("Type"),
        "locale": _("Locale"),
        "state": _("State"),
        "reference_code": _("Reference code"),
        "issued_at": _("Certified at"),
        "review_by": _("Certified until"),
        "url": _("URL"),
    }

    def get_filename(self):
        return f"compliance-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def all_rows(self):
        return live_rows(self.request.user)

    def get_queryset(self):
        self.queryset = self.all_rows
        return super().get_queryset()

    def filter_queryset(self, rows):
        if not (self.filters and self.filters.is_valid()):
            return rows
        chosen = self.filters.form.cleaned_data
        return [
            row
            for row in rows
            if chosen.get("locale") in (None, "", row.locale)
            and chosen.get("state") in (None, "", row.state)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["state_counts"] = count_states(self.all_rows)
        return context

    def to_row_dict(self, item):
        certificate = item.certificate
        return OrderedDict(
            [
                ("title", item.title),
                ("type", item.type_label),
                ("locale", item.locale),
                ("state", item.state_label),
                ("reference_code", str(certificate) if certificate else ""),
                ("issued_at", certificate.issued_at.replace(microsecond=0) if certificate else ""),
                ("review_by", certificate.review_by if certificate else ""),
                ("url", item.url),
            ]
        )


# One certificate


def readable_steps(certificate):
    """The stored steps with their times as datetimes and dates, for localized display."""
    return [
        {
            **step,
            "approved_at": parse_datetime(step["approved_at"]) if step.get("approved_at") else None,
            "review_by": parse_date(step["review_by"]) if step.get("review_by") else None,
        }
        for step in certificate.steps
    ]


def person_label(person):
    """A person recorded on a certificate (an approver, an author): "name (username)"."""
    return f"{person['name']} ({person['username']})"


def confirmation_label(confirmation):
    """A numbers-guard confirmation as "key: value; key: value"."""
    if isinstance(confirmation, dict) and confirmation:
        return "; ".join(f"{key}: {value}" for key, value in confirmation.items())
    return confirmation


STEP_COLUMNS = [
    Column("task", label=_("Step")),
    Column("approver", label=_("Approver"), accessor=lambda step: person_label(step["approver"])),
    Column("approved_at", label=_("Approved at"), accessor=lambda step: step["approved_at"] or "—"),
    Column(
        "comment",
        label=_("Comment"),
        accessor=lambda step: linebreaksbr(step.get("comment") or "—"),
    ),
    Column(
        "stands_in_for_absent_reviewer",
        label=_("Stand-in"),
        accessor=lambda step: (
            _("Approved for an absent reviewer; the reason is in the comment.")
            if step.get("stands_in_for_absent_reviewer")
            else _("No")
        ),
    ),
    Column(
        "review_by",
        label=_("Earlier review-by date"),
        accessor=lambda step: step["review_by"] or "—",
    ),
]


@dataclass
class RecordList:
    """A list the certificate keeps, under its heading; ``empty_text`` where it is empty."""

    heading: str
    help_text: str
    items: list
    empty_text: str
    classname: str


def record_lists(certificate):
    return [
        RecordList(
            heading=_("Authors"),
            help_text=_(
                "Everyone who wrote, edited, translated or submitted this content in the review "
                "run; none of them may approve it."
            ),
            items=[person_label(author) for author in certificate.authors],
            empty_text=_("None recorded."),
            classname="hub-certificate-authors",
        ),
        RecordList(
            heading=_("Numbers-guard confirmations"),
            help_text=_(
                "Figures in a translation that differ from the original and were confirmed as "
                "correct."
            ),
            items=[confirmation_label(item) for item in certificate.number_confirmations],
            empty_text=_("None."),
            classname="hub-certificate-confirmations",
        ),
    ]


class CertificateView(ReportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "hub_certification/reports/certificate.html"
    page_title = _("Certificate")
    header_icon = "success"

    @cached_property
    def certificate(self):
        certificates = Certificate.objects.select_related("rendering")
        return get_object_or_404(certificates, pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{NAMESPACE}:certificates"), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        today = timezone.localdate()
        rendering = getattr(certificate, "rendering", None)
        latest = Certificate.objects.filter(
            content_type_label=certificate.content_type_label,
            object_id=certificate.object_id,
        ).first()
        changes = what_changed(certificate, self.request)
        obj = changes["object"]
        context.update(
            {
                "certificate": certificate,
                "state_label": state_label(certificate, today),
                "language": language_name(certificate.locale),
                "steps_table": Table(
                    STEP_COLUMNS,
                    readable_steps(certificate),
                    classname="listing hub-certificate-steps",
                ),
                "records": record_lists(certificate),
                "content_hash_holds": sha256(stable_json(certificate.content))
                == certificate.content_sha256,
                "rendering": rendering,
                "html_hash_holds": rendering is not None
                and sha256(rendering.html) == rendering.html_sha256,
                "superseded_by": latest if latest and latest.pk != certificate.pk else None,
                "object": obj,
                "edit_url": reverse("wagtailadmin_pages:edit", args=(obj.pk,))
                if isinstance(obj, Page)
                else None,
                "live": changes["live"],
                "latest": changes["latest"],
            }
        )
        return context


def certified_html(request, pk):
    """The HTML readers got, as plain text: shown, never run, in the admin's origin.

    Its bytes are what html_sha256 was computed over, so `sha256sum` checks it.
    """
    refuse_unless_allowed(request)
    certificate = get_object_or_404(Certificate.objects.select_related("rendering"), pk=pk)
    rendering = getattr(certificate, "rendering", None)
    if rendering is None:
        raise Http404
    response = HttpResponse(rendering.html, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser still render it, it gets no scripts and an origin of its own.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Content-Disposition"] = f'inline; filename="{file_stem(certificate)}.html.txt"'
    return response


def certified_content(request, pk):
    """The certified revision's content as the canonical JSON content_sha256 is taken of."""
    refuse_unless_allowed(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    response = HttpResponse(
        stable_json(certificate.content), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_stem(certificate)}.json"'
    return response


# The dashboard


class RecertificationPanel(Component):
    """Live content whose certificate has expired or is due within 30 days, per locale."""

    name = "hub_recertification"
    template_name = "hub_certification/reports/recertification_panel.html"
    order = 150

    def render_html(self, parent_context):
        request = parent_context["request"]
        if not may_view_reports(request.user):
            return ""
        groups = needing_recertification(request.user)
        if not groups:
            return ""
        return render_to_string(
            self.template_name,
            {
                "groups": groups,
                "compliance_url": reverse(f"{NAMESPACE}:compliance"),
            },
            request=request,
        )
