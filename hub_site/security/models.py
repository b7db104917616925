from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from hub_site.site_settings import RememberedSiteSetting


def default_expiry():
    return timezone.now() + timedelta(days=365)


@register_setting(icon="warning")
class SecurityContact(RememberedSiteSetting):
    """What ``/.well-known/security.txt`` (RFC 9116) says, per site."""

    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_(
            "Where to report a vulnerability: a mailto: or https: URL, e.g. "
            "mailto:security@example.org. Empty: the site's server e-mail address is used."
        ),
    )
    expires = models.DateTimeField(
        _("expires"),
        default=default_expiry,
        help_text=_("When this contact information should no longer be trusted (at most a year)."),
    )
    policy = models.URLField(_("policy URL"), blank=True)
    preferred_languages = models.CharField(
        _("preferred languages"), max_length=100, default="en", help_text=_("e.g. en, es")
    )

    panels = [
        FieldPanel("contact"),
        FieldPanel("expires"),
        FieldPanel("policy"),
        FieldPanel("preferred_languages"),
    ]

    class Meta:
        verbose_name = _("Security contact")

    def clean(self):
        super().clean()
        if self.contact and not self.contact.startswith(("mailto:", "https://", "tel:")):
            raise ValidationError({"contact": _("Start with mailto:, https:// or tel:.")})
