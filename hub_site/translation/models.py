from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField
from wagtail_localize.models import StringTranslation

from hub_site.model_fields import optional_link, revisions_relation


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


class TranslationMemoryEntry(models.Model):
    """A segment's translation as it was published, offered again for the same source text.

    Written when a translated page or snippet is published, which only happens after its
    translation review: the memory holds approved, published text only.
    """

    source_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    source_text = models.TextField()
    # SHA-256 of the source text, for the exact-match lookup (a text column is not indexable
    # on every database).
    source_hash = models.CharField(max_length=64)
    # The source text's length in characters: fuzzy candidates are looked up by length.
    source_length = models.PositiveIntegerField()
    target_text = models.TextField()
    target_hash = models.CharField(max_length=64)
    translation_type = models.CharField(max_length=20, default="manual")
    # Where it was published last, shown beside a match ("Article: …").
    origin = models.CharField(max_length=255, blank=True)
    published_at = models.DateTimeField()

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source_locale", "target_locale", "source_hash", "target_hash"],
                name="translation_memory_unique_pair",
            )
        ]
        indexes = [
            models.Index(fields=["target_locale", "source_hash"], name="translation_memory_exact"),
            models.Index(
                fields=["target_locale", "source_length"], name="translation_memory_length"
            ),
        ]

    def __str__(self):
        return f"{self.source_text[:40]} → {self.target_text[:40]}"


class GlossaryTerm(models.Model):
    """A medical term's agreed translation for one language pair.

    Edited by translation reviewers; the translation editor warns when a segment holding the
    source term lacks the approved translation or uses a forbidden one.
    """

    source_locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("source language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("target language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    source_term = models.CharField(_("source term"), max_length=200)
    approved_translation = models.CharField(_("approved translation"), max_length=200)
    forbidden_translations = models.TextField(
        _("forbidden translations"),
        blank=True,
        help_text=_("One per line: translations that must not be used for this term."),
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source_term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [
            models.UniqueConstraint(
                fields=["source_locale", "target_locale", "source_term"],
                name="glossary_unique_term",
            )
        ]

    def __str__(self):
        return f"{self.source_term} → {self.approved_translation}"


class GlossaryWarningReason(models.Model):
    """Why a segment's translation departs from the glossary, given before it is submitted.

    Holds for the exact text it was given for: editing the segment again asks again.
    """

    string_translation = models.ForeignKey(
        StringTranslation, on_delete=models.CASCADE, related_name="glossary_reasons"
    )
    term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="reasons")
    checked_text = models.TextField()
    reason = models.TextField(_("reason"))
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("glossary warning reason")

    def __str__(self):
        return f"{self.string_translation_id}/{self.term_id}: {self.reason[:40]}"


class ChangedSegment(models.Model):
    """A translated segment whose source text changed at a sync, waiting for review.

    Keeps the previous source and the previous translation, shown beside the new source in
    the translation editor. Reviewed once a person saves the segment's new translation or
    keeps the text as it is. The paragraphs of a rich-text field share one context and are
    told apart by their string, so a change is one row per context and new string.
    """

    translation = models.ForeignKey(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="+"
    )
    context = models.ForeignKey(
        "wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+"
    )
    string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    previous_source = models.TextField()
    previous_translation = models.TextField(blank=True)
    # The machine translation the new segment was prefilled with, if any.
    machine_prefill = models.TextField(blank=True)
    changed_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = optional_link(settings.AUTH_USER_MODEL)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("changed segment")
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "context", "string"],
                name="changed_segment_once_per_string",
            )
        ]

    def __str__(self):
        return f"{self.translation_id}/{self.context_id}/{self.string_id}"
