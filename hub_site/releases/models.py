from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hub_site.model_fields import optional_link


class Release(models.Model):
    """A source page's approved change, waiting to go live with its translations."""

    OPEN = "open"
    RELEASED = "released"
    RELEASED_WITHOUT_WAITING = "released_without_waiting"
    CANCELLED = "cancelled"
    STATUSES = [
        (OPEN, _("Waiting")),
        (RELEASED, _("Released in every language")),
        (RELEASED_WITHOUT_WAITING, _("Released without waiting")),
        (CANCELLED, _("Cancelled")),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    # The source's approved revision, held back; empty until the editorial review approves.
    revision = optional_link("wagtailcore.Revision")
    status = models.CharField(max_length=32, choices=STATUSES, default=OPEN)
    opened_at = models.DateTimeField(auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the source's change was approved and its translations synced from it.
    approved_at = models.DateTimeField(null=True, blank=True)
    go_live_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        help_text=_("Every language goes live at this moment, once all are approved."),
    )
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = optional_link(settings.AUTH_USER_MODEL)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("language release")
        verbose_name_plural = _("language releases")
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=Q(status="open"), name="one_open_release_per_page"
            )
        ]

    def __str__(self):
        return f"{self.page_id}: {self.status}"

    @property
    def is_open(self):
        return self.status == self.OPEN


class ReleaseLanguage(models.Model):
    """One translation's place in a release."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="languages")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    included = models.BooleanField(_("included"), default=True)
    # The translation's approved revision, held back with the source's.
    revision = optional_link("wagtailcore.Revision")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["locale__language_code"]
        constraints = [
            models.UniqueConstraint(fields=["release", "locale"], name="one_language_per_release")
        ]

    def __str__(self):
        return f"{self.release_id}/{self.locale_id}"

    @property
    def is_approved(self):
        return self.revision_id is not None
