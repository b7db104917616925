"""Certificates: the immutable record of what was approved, by whom, and what readers got."""

import calendar
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_REFERENCE_PREFIX = "ALLHUB"
DEFAULT_REVIEW_MONTHS = 24
DUE_WITHIN_DAYS = 30


def add_months(day, months):
    """The same day ``months`` later, or the month's last day (31 January + 1 → 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class ExpiryAction(models.TextChoices):
    NOTICE = "notice", _("Keep the page live with a “being reviewed” notice")
    UNPUBLISH = "unpublish", _("Unpublish the page")


@register_setting(icon="success")
class CertificationSettings(BaseSiteSetting):
    reference_prefix = models.CharField(
        _("reference code prefix"),
        max_length=20,
        default=DEFAULT_REFERENCE_PREFIX,
        help_text=_("Certificates are numbered PREFIX-YEAR-0001, for example ALLHUB-2026-0042."),
    )
    review_months = models.PositiveSmallIntegerField(
        _("re-certify after (months)"),
        default=DEFAULT_REVIEW_MONTHS,
        help_text=_("A certificate's review-by date; approvers may choose an earlier one."),
    )
    expiry_action = models.CharField(
        _("when a certificate expires"),
        max_length=20,
        choices=ExpiryAction.choices,
        default=ExpiryAction.NOTICE,
    )

    panels = [
        FieldPanel("reference_prefix"),
        FieldPanel("review_months"),
        FieldPanel("expiry_action"),
    ]

    class Meta:
        verbose_name = _("certification")

    def review_by_from(self, moment):
        return add_months(timezone.localdate(moment), self.review_months)


class ReferenceSequence(models.Model):
    """The last number issued for a prefix and year; its row is locked while a code is taken."""

    prefix = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_sequence")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(_("Certificates cannot be changed."))

    def delete(self):
        raise PermissionDenied(_("Certificates cannot be deleted."))

    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionDenied(_("Certificates cannot be changed."))


def content_label(obj):
    """The label a certificate files an object under: its base model's, as its revisions
    are filed ("wagtailcore.page" for every page)."""
    if hasattr(obj, "get_base_content_type"):
        return obj.get_base_content_type().model_class()._meta.label_lower
    return obj._meta.label_lower


class CertificateQuerySet(ImmutableQuerySet):
    def for_object(self, obj):
        return self.filter(content_type_label=content_label(obj), object_id=str(obj.pk))

    def current(self):
        """Each object's latest certificate."""
        latest = self.model.objects.filter(
            content_type_label=models.OuterRef("content_type_label"),
            object_id=models.OuterRef("object_id"),
        ).order_by("-issued_at", "-pk")
        return self.filter(pk=models.Subquery(latest.values("pk")[:1]))


class Certificate(models.Model):
    """What was certified: written once, at publication, and never changed or deleted.

    It holds plain data rather than foreign keys, so deleting a page, a revision or a user
    leaves the record whole: the revision's content and the HTML readers got are kept in it.
    """

    class Kind(models.TextChoices):
        WORKFLOW = "workflow", _("Certified through review")
        LEGACY = "legacy", _("Legacy (live before certification; re-certify)")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reference_code = models.CharField(
        _("reference code"), max_length=40, unique=True, null=True, blank=True
    )
    # "wagtailcore.page" for every page (the base content type, as revisions store them).
    content_type_label = models.CharField(max_length=100)
    object_id = models.CharField(max_length=255)
    specific_type = models.CharField(_("type"), max_length=100)
    title = models.CharField(_("title"), max_length=255)
    locale = models.CharField(_("locale"), max_length=20)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    revision_id = models.BigIntegerField(_("revision"))
    revision_created_at = models.DateTimeField()
    content = models.JSONField(_("certified content"))
    content_sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    # Each step: task, approver (id, username, name), time, comment, override reason.
    steps = models.JSONField(_("approvals"), default=list)
    authors = models.JSONField(_("authors"), default=list)
    number_confirmations = models.JSONField(_("numbers-guard confirmations"), default=list)
    workflow_name = models.CharField(max_length=255, blank=True)
    workflow_state_id = models.BigIntegerField(null=True, blank=True)
    submitted_by = models.CharField(max_length=255, blank=True)
    issued_at = models.DateTimeField(_("certified at"), default=timezone.now, db_index=True)
    review_by = models.DateField(_("review by"), db_index=True)
    go_live_at = models.DateTimeField(null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type_label", "object_id"]),
            # Publishing looks up the certificate of the revision going live.
            models.Index(fields=["revision_id"]),
        ]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.reference_code or _("Legacy record %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        if self.pk is not None or kwargs.get("force_update"):
            raise PermissionDenied(_("Certificates cannot be changed."))
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Certificates cannot be deleted."))

    @property
    def approvers(self):
        return [step["approver"]["name"] for step in self.steps]

    @property
    def is_legacy(self):
        return self.kind == self.Kind.LEGACY

    def state(self, today=None):
        """'expired', 'due' (within 30 days) or 'certified'; legacy records are due."""
        today = today or timezone.localdate()
        if self.review_by < today:
            return "expired"
        if self.is_legacy or self.review_by <= today + timedelta(days=DUE_WITHIN_DAYS):
            return "due"
        return "certified"


class CertifiedHtml(models.Model):
    """The HTML a reader got when the certified revision went live (the certified final
    form); written once, in the publishing transaction, and never changed."""

    certificate = models.OneToOneField(
        Certificate, primary_key=True, on_delete=models.DO_NOTHING, related_name="rendering"
    )
    html = models.TextField()
    html_sha256 = models.CharField(max_length=64)
    rendered_at = models.DateTimeField(default=timezone.now)

    objects = ImmutableQuerySet.as_manager()

    def __str__(self):
        return f"HTML of certificate {self.pk}"

    def save(self, *args, **kwargs):
        if kwargs.get("force_update") or type(self).objects.filter(pk=self.pk).exists():
            raise PermissionDenied(_("Certificates cannot be changed."))
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Certificates cannot be deleted."))


class ApprovalNote(models.Model):
    """What an approver added to a step: an earlier review-by date, a stand-in's reason."""

    task_state_id = models.BigIntegerField(unique=True)
    review_by = models.DateField(null=True, blank=True)
    stands_in_for_absent_reviewer = models.BooleanField(default=False)
    reason = models.TextField(blank=True)

    def __str__(self):
        return f"Approval note of task state {self.task_state_id}"


class ExpiryRecord(models.Model):
    """What the daily expiry run did for a certificate, one row per notice: written in the
    transaction that acts on it, so that a second run sends and changes nothing again."""

    class Kind(models.TextChoices):
        DUE_30 = "due_30", _("Re-certification due in 30 days")
        DUE_7 = "due_7", _("Re-certification due in 7 days")
        EXPIRED = "expired", _("Certificate expired")

    class Outcome(models.TextChoices):
        NOTIFIED = "notified", _("People told")
        UNPUBLISHED = "unpublished", _("Page unpublished")
        KEPT_WITH_NOTICE = "notice", _("Page kept live with a “being reviewed” notice")
        KEPT_LEGACY = "legacy", _("Page kept live (legacy record)")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="expiry_records"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    page_id = models.BigIntegerField(_("page"))
    day = models.DateField(_("day of the run"))
    recipients = models.JSONField(_("told (user names)"), default=list)
    # Empty while the e-mails have not gone out (the mail server failed): the next run
    # sends them, and only them.
    mailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["certificate", "kind"], name="unique_expiry_record")
        ]
        verbose_name = _("expiry record")
        verbose_name_plural = _("expiry records")

    def __str__(self):
        return f"{self.certificate} {self.kind}"
