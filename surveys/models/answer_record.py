from django.db import models
from django.utils.translation import gettext_lazy as _

from hub_site.model_fields import optional_link

from .results_queryset import ResultsQuerySet


class AnswerRecord(models.Model):
    """What every stored survey response and poll vote says besides the answer itself."""

    # The page answered on; emptied when it is deleted, while the answer still counts.
    article = optional_link(
        "wagtailcore.Page",
        _("article"),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.PROTECT, related_name="+"
    )
    # A salted hash of the reader's cookie id (surveys.reader_identity): one answer per reader.
    respondent = models.CharField(_("respondent"), max_length=64)
    # The language of the machine translation the reader answered on (hub_site/translation/
    # reader_machine_translation.py); blank when they read the page's own language.
    reader_language = models.CharField(_("read in"), max_length=16, blank=True)

    objects = ResultsQuerySet.as_manager()
    article_key_lookup = "article__translation_key"

    class Meta:
        abstract = True
