"""Review-by dates: telling people before a certificate expires, and acting when it has.

Run once a day (``manage.py certification_expiry``). For each live page, the live
revision's latest certificate (the one readers are shown) is looked at:

- 30 and 7 days before its review-by date, the page's owner and the certificate's
  approvers are e-mailed (the medical and compliance reviewers when it names none);
- the day after it, they are e-mailed again and the site's expiry action is taken:
  unpublish the page, or keep it live while readers are told it is being reviewed.
  Legacy records (content live before certification) are never unpublished here.

Each notice is an ``ExpiryRecord`` row, unique per certificate and kind, written in the
transaction that acts on it: a second run the same day finds it and does nothing. A run
that starts late sends only the most urgent notice due (no 30-day notice a week before).
"""

import smtplib
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.users.models import UserProfile

from hub_site.certification.issue import site_of
from hub_site.certification.models import (
    Certificate,
    CertificationSettings,
    ExpiryAction,
    ExpiryRecord,
)
from hub_site.certification.withdrawal import WITHDRAW_ACTION
from hub_site.workflows.roles import COMPLIANCE_REVIEWERS, MEDICAL_REVIEWERS

Kind = ExpiryRecord.Kind
Outcome = ExpiryRecord.Outcome
# Days before the review-by date at which each advance notice is due, most urgent first.
ADVANCE_NOTICES = ((Kind.DUE_7, 7), (Kind.DUE_30, 30))
FALLBACK_REVIEWER_GROUPS = (MEDICAL_REVIEWERS, COMPLIANCE_REVIEWERS)


def notice_due(certificate, today):
    """The most urgent notice due for the certificate on ``today``, or None.

    Expired means past the review-by date, as readers are told (reader.py). A legacy
    record's review-by date is the day it was written, so it gets no advance notice.
    """
    if certificate.review_by < today:
        return Kind.EXPIRED
    if certificate.is_legacy:
        return None
    days_left = (certificate.review_by - today).days
    for kind, days in ADVANCE_NOTICES:
        if days_left <= days:
            return kind
    return None


@dataclass
class Step:
    """A notice the run owes for a page, and its record if an earlier run started it."""

    page: Page
    certificate: Certificate
    kind: str
    record: ExpiryRecord | None = None

    @cached_property
    def unpublishes_on_expiry(self):
        """Legacy records stay live whatever the site's setting: they stand for content that
        was live before certification, due for re-certification from the day they were
        written, and taking it down is for a reviewer to decide (withdrawal.py)."""
        if self.certificate.is_legacy:
            return False
        action = CertificationSettings.for_site(site_of(self.page)).expiry_action
        return action == ExpiryAction.UNPUBLISH

    @property
    def outcome(self):
        if self.kind != Kind.EXPIRED:
            return Outcome.NOTIFIED
        if self.certificate.is_legacy:
            return Outcome.KEPT_LEGACY
        return Outcome.UNPUBLISHED if self.unpublishes_on_expiry else Outcome.KEPT_WITH_NOTICE


def steps_due(today):
    """Every notice owed on ``today`` and not yet sent, page by page in tree order.

    That is, for live pages, the notice their current certificate is due; and the e-mails
    an earlier run recorded but could not send for a page it unpublished.
    """
    pages = list(Page.objects.live().filter(live_revision__isnull=False).order_by("path"))
    certificates = {}
    # Newest first (the model's ordering): the first seen per revision is its current one.
    for certificate in Certificate.objects.filter(
        revision_id__in=[page.live_revision_id for page in pages]
    ):
        certificates.setdefault(certificate.revision_id, certificate)
    steps = []
    for page in pages:
        certificate = certificates.get(page.live_revision_id)
        kind = certificate and notice_due(certificate, today)
        if kind:
            steps.append(Step(page.specific, certificate, kind))
    records = {
        (record.certificate_id, record.kind): record
        for record in ExpiryRecord.objects.filter(
            certificate__in=[step.certificate for step in steps]
        )
    }
    owed = []
    for step in steps:
        step.record = records.get((step.certificate.pk, step.kind))
        if step.record is None or step.record.mailed_at is None:
            owed.append(step)
    unsent = ExpiryRecord.objects.filter(
        mailed_at=None, kind=Kind.EXPIRED, outcome=Outcome.UNPUBLISHED
    ).select_related("certificate")
    for record in unsent:
        page = Page.objects.filter(pk=record.page_id, live=False).first()
        if page is not None:
            owed.append(Step(page.specific, record.certificate, record.kind, record))
    return owed


def recipients(page, certificate):
    """The page's owner and the certificate's approvers, or, when no approver can be
    reached, the members of the medical and compliance reviewer groups (active users
    with an e-mail address)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    # In the order they approved, so every run names them alike.
    approver_ids = [step["approver"]["id"] for step in certificate.steps if step.get("approver")]
    reachable = users.in_bulk(approver_ids)
    approvers = [reachable[pk] for pk in dict.fromkeys(approver_ids) if pk in reachable]
    if not approvers:
        approvers = list(
            users.filter(groups__name__in=FALLBACK_REVIEWER_GROUPS).distinct().order_by("pk")
        )
    owner = users.filter(pk=page.owner_id).first() if page.owner_id else None
    found = {user.pk: user for user in [*([owner] if owner else []), *approvers]}
    return list(found.values())


def admin_url(name, page):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=(page.pk,))


def messages_for(step, outcome, people, connection, today):
    """One e-mail per person, in the language they chose for the admin."""
    context = {
        "page": step.page,
        "title": step.page.get_admin_display_title(),
        "certificate": step.certificate,
        "kind": step.kind,
        "days_left": (step.certificate.review_by - today).days,
        "outcome": outcome,
        "unpublishes_on_expiry": step.unpublishes_on_expiry,
        "edit_url": admin_url("wagtailadmin_pages:edit", step.page),
        "recertify_url": admin_url("hub_recertify:recertify", step.page),
        "site_name": site_of(step.page).site_name or "Hub",
    }
    template = "expired" if step.kind == Kind.EXPIRED else "due"
    messages = []
    for person in people:
        language = UserProfile.get_for_user(person).get_preferred_language()
        with translation.override(language):
            context["person"] = person
            subject = render_to_string(f"hub_certification/email/{template}_subject.txt", context)
            body = render_to_string(f"hub_certification/email/{template}.txt", context)
        messages.append(
            EmailMessage(
                subject=" ".join(subject.split()),
                body=body,
                to=[person.email],
                connection=connection,
                headers={"Auto-Submitted": "auto-generated"},
            )
        )
    return messages


def unpublish(page, certificate):
    """Withdraw the page as a reviewer would, with the reason in its history.

    The page_unpublished signal retires its cached copies at both layers.
    """
    log(
        instance=page,
        action=WITHDRAW_ACTION,
        user=None,
        data={
            "reason": _("Certificate expired (%(code)s, review by %(date)s).")
            % {
                "code": certificate.reference_code or certificate.pk,
                "date": certificate.review_by.isoformat(),
            }
        },
    )
    # The site withdraws it, not a person: nobody's page permissions apply.
    UnpublishPageAction(page, set_expired=True, user=None).execute(skip_permission_checks=True)


@dataclass
class StepResult:
    step: Step
    outcome: str
    told: list
    mail_error: Exception | None = None
    done_alongside: bool = False


def carry_out(step, today):
    """Record the step, take its action (the first time) and send its e-mails.

    Writing the record retires the cached copies of the certificate's page at both layers
    (the reader line notes the certificate's records as a list it shows,
    hub_site/certification/reader.py): when the certificate has just expired, the "being
    reviewed" notice replaces copies rendered before.

    A failing mail server leaves the record without ``mailed_at`` and the action done:
    the next run sends the e-mails, and does nothing else again.
    """
    people = recipients(step.page, step.certificate)
    with transaction.atomic():
        record, created = ExpiryRecord.objects.select_for_update().get_or_create(
            certificate=step.certificate,
            kind=step.kind,
            defaults={
                "outcome": step.outcome,
                "page_id": step.page.pk,
                "day": today,
                "recipients": [person.get_username() for person in people],
            },
        )
        if not created and record.mailed_at is not None:  # a run alongside did it
            return StepResult(step, record.outcome, [], done_alongside=True)
        if created and record.outcome == Outcome.UNPUBLISHED:
            unpublish(step.page, step.certificate)
        connection = get_connection()
        try:
            connection.send_messages(messages_for(step, record.outcome, people, connection, today))
        except (smtplib.SMTPException, OSError) as error:
            return StepResult(step, record.outcome, [], mail_error=error)
        record.mailed_at = timezone.now()
        record.save(update_fields=["mailed_at"])
    return StepResult(step, record.outcome, people)
