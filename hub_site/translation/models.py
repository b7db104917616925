from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField
from wagtail_localize.models import StringTranslation

from hub_site.model_fields import revisions_relation


def default_notice_text():
    """The built-in notice, used until editors publish their own (adapted from the seed)."""
    return _(
        "Translations are machine generated, so may not be an exact or complete "
        "translation, and %(site)s cannot guarantee the accuracy of translated content."
    ) % {"site": settings.WAGTAIL_SITE_NAME}


class MachineTranslationNotice(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """The notice shown above pages whose translation still holds machine-translated text.

    One per locale: editors write it in English, translators translate it like any snippet.
    """

    text = models.TextField(
        _("text"),
        help_text=_("Shown at the top of a translated page that contains machine translation."),
    )

    revisions = revisions_relation("machine_translation_notice")

    panels = [FieldPanel("text")]
    translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("machine translation notice")
        verbose_name_plural = _("machine translation notices")

    def __str__(self):
        return str(_("Machine translation notice (%(locale)s)") % {"locale": self.locale})


class NumberCheckConfirmation(models.Model):
    """Someone confirmed that a segment's figures differ from its source's on purpose.

    The confirmation holds for the exact text confirmed: editing the segment again needs a
    new confirmation if the numbers still differ. It counts only when given by someone other
    than the segment's translator (hub_site.translation.numbers_guard), with a written reason.
    """

    string_translation = models.ForeignKey(
        StringTranslation, on_delete=models.CASCADE, related_name="number_confirmations"
    )
    confirmed_text = models.TextField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)
    # Blank only on confirmations stored before a reason was asked for.
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["-confirmed_at"]
        verbose_name = _("number check confirmation")

    def __str__(self):
        return (
            f"{self.string_translation_id} confirmed by {self.confirmed_by} at {self.confirmed_at}"
        )


class RevisionMachineText(models.Model):
    """Whether a translated page's revision holds machine-translated text.

    Decided when the revision is made from the translation's strings (or, for a revision
    made before this record existed, when it is published), so readers' notice follows the
    published revision rather than the translator's later drafts.
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    has_machine_text = models.BooleanField()

    def __str__(self):
        return f"revision {self.revision_id}: machine text {self.has_machine_text}"
