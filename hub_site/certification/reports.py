"""What the compliance reports say: who may read them, a certificate's state as a query,
the certification state of everything live, and what changed since a revision was certified.

The views (report_views.py) only present what this module works out.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import get_edit_handler
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, Revision

from hub_site.certification.issue import sha256, stable_json
from hub_site.certification.models import DUE_WITHIN_DAYS, Certificate
from hub_site.workflows.roles import (
    COMPLIANCE_REVIEWERS,
    MEDICAL_REVIEWERS,
    SITE_MANAGERS,
    in_any_group,
)

PAGE_LABEL = "wagtailcore.page"
REPORT_GROUPS = (SITE_MANAGERS, MEDICAL_REVIEWERS, COMPLIANCE_REVIEWERS)

CERTIFIED, DUE, EXPIRED, UNCERTIFIED = "certified", "due", "expired", "uncertified"
# A certificate's own states, as Certificate.state() names them.
CERTIFICATE_STATES = (
    (CERTIFIED, _("Certified")),
    (DUE, _("Due within 30 days")),
    (EXPIRED, _("Expired")),
)
# What is live may also have no certificate at all; the most urgent state comes first.
LIVE_STATES = (
    (UNCERTIFIED, _("Live without a certificate")),
    (EXPIRED, _("Expired")),
    (DUE, _("Due within 30 days")),
    (CERTIFIED, _("Certified")),
)
LEGACY_DUE_LABEL = _("Re-certify (legacy record)")


def may_view_reports(user):
    """Site managers and the reviewers who certify; editors and translators write what is
    certified, so the record of it is not theirs to browse."""
    return user.is_active and (user.is_superuser or in_any_group(user, REPORT_GROUPS))


def state_label(certificate, today):
    if certificate is None:
        return dict(LIVE_STATES)[UNCERTIFIED]
    state = certificate.state(today)
    if state == DUE and certificate.is_legacy:
        return LEGACY_DUE_LABEL
    return dict(CERTIFICATE_STATES)[state]


def state_query(state, today):
    """The condition Certificate.state(today) == state, for filtering in the database."""
    due_by = today + timedelta(days=DUE_WITHIN_DAYS)
    legacy = Q(kind=Certificate.Kind.LEGACY)
    if state == EXPIRED:
        return Q(review_by__lt=today)
    if state == DUE:
        return Q(review_by__gte=today) & (legacy | Q(review_by__lte=due_by))
    return Q(review_by__gt=due_by) & ~legacy


def language_name(code):
    return get_content_languages().get(code, code)


def approver_usernames():
    """Everyone who approved a step of a certificate, for the reviewer filter."""
    return sorted(
        {
            step["approver"]["username"]
            for steps in Certificate.objects.values_list("steps", flat=True)
            for step in steps
            if step.get("approver")
        }
    )


def approved_by(certificates, username):
    """The certificates one of whose steps ``username`` approved.

    Steps are JSON lists, and JSON containment is not a lookup every supported database
    has (SQLite lacks it), so the match is made here rather than in SQL.
    """
    matching = [
        pk
        for pk, steps in certificates.values_list("pk", "steps")
        if any((step.get("approver") or {}).get("username") == username for step in steps)
    ]
    return certificates.filter(pk__in=matching)


@dataclass(frozen=True)
class LiveRow:
    """One live page or object, in its locale, and the certificate of what readers get."""

    title: str
    type_label: str
    locale: str
    url: str
    edit_url: str | None
    certificate: Certificate | None
    state: str
    state_label: str

    @property
    def language(self):
        return language_name(self.locale)


def _row(obj, type_label, locale, url, edit_url, certificate, today):
    return LiveRow(
        title=str(obj),
        type_label=capfirst(type_label),
        locale=locale,
        url=url or "",
        edit_url=edit_url,
        certificate=certificate,
        state=certificate.state(today) if certificate else UNCERTIFIED,
        state_label=str(state_label(certificate, today)),
    )


def _live_page_rows(today):
    live_certificate = (
        Certificate.objects.filter(
            content_type_label=PAGE_LABEL,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            revision_id=OuterRef("live_revision_id"),
        )
        .order_by("-issued_at", "-pk")
        .values("pk")[:1]
    )
    pages = list(
        Page.objects.live()
        .exclude(depth=1)  # the tree's root is no one's content
        .select_related("locale")
        .annotate(certificate_pk=Subquery(live_certificate))
    )
    certificates = Certificate.objects.select_related("rendering").in_bulk(
        [page.certificate_pk for page in pages if page.certificate_pk]
    )
    return [
        _row(
            page,
            page.specific_class._meta.verbose_name if page.specific_class else _("Page"),
            page.locale.language_code,
            page.get_url(),
            reverse("wagtailadmin_pages:edit", args=(page.pk,)),
            certificates.get(page.certificate_pk),
            today,
        )
        for page in pages
    ]


def _live_object_rows(today, user):
    """Certified objects other than pages (snippets with a review workflow), while live."""
    url_finder = AdminURLFinder(user)
    rows = []
    for certificate in Certificate.objects.current().exclude(content_type_label=PAGE_LABEL):
        try:
            model = apps.get_model(certificate.content_type_label)
        except LookupError:
            continue  # the model is gone; the certificate stays in the certificates report
        # Model._default_manager is Django's documented way to reach a model's manager.
        obj = model._default_manager.filter(pk=certificate.object_id).first()
        if obj is None or not getattr(obj, "live", True):
            continue
        live_revision_id = getattr(obj, "live_revision_id", None)
        if live_revision_id is not None and live_revision_id != certificate.revision_id:
            certificate = (
                Certificate.objects.for_object(obj).filter(revision_id=live_revision_id).first()
            )
        rows.append(
            _row(
                obj,
                model._meta.verbose_name,
                getattr(getattr(obj, "locale", None), "language_code", ""),
                "",
                url_finder.get_edit_url(obj),
                certificate,
                today,
            )
        )
    return rows


def live_rows(user, today=None):
    """Everything readers can get, each with its certification state; most urgent first."""
    today = today or timezone.localdate()
    rows = _live_page_rows(today) + _live_object_rows(today, user)
    urgency = {state: position for position, (state, _label) in enumerate(LIVE_STATES)}
    return sorted(rows, key=lambda row: (urgency[row.state], row.locale, row.title.lower()))


def count_states(rows):
    counts = Counter(row.state for row in rows)
    return [(state, label, counts[state]) for state, label in LIVE_STATES]


def needing_recertification(user, today=None):
    """[(language name, [rows])] of what is live with an expired or soon-due certificate."""
    by_locale = {}
    for row in live_rows(user, today):
        if row.state in (EXPIRED, DUE):
            by_locale.setdefault(row.locale, []).append(row)
    return [(language_name(code), by_locale[code]) for code in sorted(by_locale)]


def certified_object(certificate):
    """The page or object the certificate is about, if it still exists (specific)."""
    if certificate.content_type_label == PAGE_LABEL:
        page = Page.objects.filter(pk=certificate.object_id).first()
        return page.specific if page else None
    try:
        model = apps.get_model(certificate.content_type_label)
    except LookupError:
        return None
    return model._default_manager.filter(pk=certificate.object_id).first()


@dataclass(frozen=True)
class Difference:
    """How one version compares with the certified one."""

    revision_id: int | None
    # Same revision as certified.
    identical: bool
    # Same content hash, though another revision (re-published unchanged).
    same_content: bool
    # Wagtail's field comparisons that changed (empty when identical).
    changes: list
    compare_url: str | None


def _comparisons(obj, request):
    edit_handler = obj.get_edit_handler() if isinstance(obj, Page) else get_edit_handler(type(obj))
    bound = edit_handler.get_bound_panel(instance=obj, request=request, form=None)
    return bound.get_comparison()


def _difference(certificate, revision, obj, request, compare_target, comparisons):
    if revision.pk == certificate.revision_id:
        return Difference(revision.pk, True, True, [], None)
    certified = obj.with_content_json(certificate.content)
    other = revision.as_object()
    changes = [
        diff
        for diff in (comparison(certified, other) for comparison in comparisons)
        if diff.has_changed()
    ]
    compare_url = None
    # Wagtail's own comparison view needs the certified revision and edit permission.
    if (
        isinstance(obj, Page)
        and obj.permissions_for_user(request.user).can_edit()
        and Revision.objects.filter(pk=certificate.revision_id).exists()
    ):
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(obj.pk, certificate.revision_id, compare_target),
        )
    return Difference(
        revision.pk,
        False,
        sha256(stable_json(revision.content)) == certificate.content_sha256,
        changes,
        compare_url,
    )


def what_changed(certificate, request):
    """{"object", "live", "latest"}: the certified object (or None), and how what is live
    now and the latest draft differ from the certified revision (None where there is none)."""
    obj = certified_object(certificate)
    if obj is None or not hasattr(obj, "with_content_json"):
        return {"object": obj, "live": None, "latest": None}
    comparisons = _comparisons(obj, request)
    live_revision = getattr(obj, "live_revision", None) if getattr(obj, "live", True) else None
    latest_revision = getattr(obj, "latest_revision", None)
    return {
        "object": obj,
        "live": live_revision
        and _difference(certificate, live_revision, obj, request, "live", comparisons),
        "latest": latest_revision
        and _difference(certificate, latest_revision, obj, request, "latest", comparisons),
    }
