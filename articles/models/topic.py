from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from hub_site.model_fields import revisions_relation


class Topic(DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A subject articles are filed under, e.g. "Transplantation", "MRD", "AYA".

    The name is translated; the slug is shared by every translation, so ``?topic=mrd``
    filters the article list the same way in every language. Readers only see live topics.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in addresses, e.g. ?topic=transplantation. Shared by all languages."),
    )

    revisions = revisions_relation("topic")

    panels = [FieldPanel("name"), FieldPanel("slug")]

    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        locale_id = self.locale_id or Locale.get_default().pk
        if (
            self.slug
            and Topic.objects.filter(locale_id=locale_id, slug=self.slug)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"slug": _("Another topic in this language already uses this slug.")}
            )
