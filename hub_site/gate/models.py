"""What editors set for the HCP gate: its words per language, and how long a confirmation lasts."""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    DraftStateMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField

from hub_site.gate.forms import ConfirmForm
from hub_site.model_fields import revisions_relation
from hub_site.remembered import remembered
from hub_site.site_settings import RememberedSiteSetting
from hub_site.translation.fields import translated

DEFAULT_COOKIE_LIFETIME_DAYS = 30


class GateCopy(PreviewableMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """The words of the HCP confirmation interstitial, one per locale.

    Editors change them in Snippets → "HCP gate copy"; translators translate them with
    wagtail-localize like any other snippet.
    """

    heading = models.CharField(_("heading"), max_length=120)
    statement = models.TextField(
        _("statement"),
        help_text=_("What the reader confirms. Separate paragraphs with a blank line."),
    )
    confirm_label = models.CharField(
        _("confirm button label"),
        max_length=80,
        help_text=_('For example "I am a healthcare professional".'),
    )
    patient_label = models.CharField(
        _("patient button label"),
        max_length=80,
        help_text=_('For example "I am a patient or carer".'),
    )
    patient_site_name = models.CharField(_("patient site name"), max_length=80)
    patient_site_url = models.URLField(
        _("patient site URL"),
        help_text=_("Patients and carers are sent here. Translations may point elsewhere."),
    )
    withdraw_label = models.CharField(
        _("withdraw button label"),
        max_length=80,
        help_text=_(
            'Shown in the footer of every page, e.g. "I am not a healthcare professional".'
        ),
    )

    revisions = revisions_relation("gate_copy")

    panels = [
        FieldPanel("heading"),
        FieldPanel("statement"),
        MultiFieldPanel(
            [FieldPanel("confirm_label"), FieldPanel("patient_label")],
            heading=_("Buttons"),
        ),
        MultiFieldPanel(
            [FieldPanel("patient_site_name"), FieldPanel("patient_site_url")],
            heading=_("Patient site"),
        ),
        FieldPanel("withdraw_label"),
    ]

    translatable_fields = [
        *translated("heading", "statement", "confirm_label", "patient_label", "patient_site_name"),
        # Usually one patient site for every language, but a translator may point a
        # locale at that site's own language version.
        SynchronizedField("patient_site_url", overridable=True),
        *translated("withdraw_label"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("HCP gate copy")
        verbose_name_plural = _("HCP gate copy")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_gate_copy_per_locale"),
        ]

    def __str__(self):
        return self.heading

    def clean(self):
        super().clean()
        # The constraint above would raise an IntegrityError: say it in the form instead.
        locale_id = getattr(self, "locale_id", None)
        if locale_id and GateCopy.objects.filter(locale_id=locale_id).exclude(pk=self.pk).exists():
            raise ValidationError(
                _(
                    "This language already has HCP gate copy. Edit that one instead of "
                    "adding another."
                )
            )

    @classmethod
    def built_in(cls):
        """The copy used while editors have published none: the seed site's wording."""
        return cls(
            heading=_("Healthcare professionals only"),
            statement=_(
                "All content on this site is intended for healthcare professionals only. "
                "By acknowledging this message and accessing the information on this website "
                "you are confirming that you are a Healthcare Professional."
            ),
            confirm_label=_("I am a healthcare professional"),
            patient_label=_("I am a patient or carer"),
            patient_site_name=_("Know ALL"),
            patient_site_url="https://www.knowall.org/",
            withdraw_label=_("I am not a healthcare professional"),
        )

    @classmethod
    def for_active_language(cls, request=None):
        """The live copy for the reader's language, else the default language's, else built-in.

        One query, both candidates fetched together; none while the content generation the
        request reads has been read before in this process (``hub_site.cache.memo``).
        """
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        try:
            active = get_supported_content_language_variant(get_language())
        except LookupError:
            active = default
        return remembered(
            request, ("gate copy", active, default), partial(cls._live_copy, active, default)
        )

    @classmethod
    def _live_copy(cls, active, default):
        candidates = {
            copy.locale.language_code: copy
            for copy in cls.objects.filter(
                live=True, locale__language_code__in={active, default}
            ).select_related("locale")
        }
        return candidates.get(active) or candidates.get(default) or cls.built_in()

    @property
    def language_code(self):
        """The language the copy is written in (the default language for the built-in copy)."""
        if self.locale_id:
            return self.locale.language_code
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)

    def get_preview_template(self, request, mode_name):
        return "hub_gate/confirm.html"

    def get_preview_context(self, request, mode_name):
        return {
            **super().get_preview_context(request, mode_name),
            "copy": self,
            "form": ConfirmForm(request=request),
        }


@register_setting(icon="lock")
class HcpGateSettings(RememberedSiteSetting):
    """How long a reader's HCP confirmation lasts, per site."""

    cookie_lifetime_days = models.PositiveSmallIntegerField(
        _("confirmation lifetime (days)"),
        default=DEFAULT_COOKIE_LIFETIME_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(395)],
        help_text=_(
            "How long a reader's confirmation that they are a healthcare professional is "
            "remembered. Shortening it also ends older confirmations."
        ),
    )

    panels = [FieldPanel("cookie_lifetime_days")]

    class Meta:
        verbose_name = _("HCP gate")
