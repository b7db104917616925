"""Counts kept for survey responses and poll votes once the rows themselves are purged.

``purge_old_responses`` (surveys/retention.py) folds raw rows older than the retention
period into these tables before deleting them, so results keep their totals. Each tally
is per survey or poll (translation key), article (translation key), language and month:
the filters the results screens offer. Free-text answers keep only how many there were.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .results_queryset import ResultsQuerySet


class TallyBase(models.Model):
    article_key = models.UUIDField(_("article translation key"), null=True, blank=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month answered in."))

    objects = ResultsQuerySet.as_manager()
    article_key_lookup = "article_key"

    class Meta:
        abstract = True


class SurveyResponseTally(TallyBase):
    survey_key = models.UUIDField(_("survey translation key"), db_index=True)
    responses = models.PositiveIntegerField(_("responses"))

    class Meta:
        verbose_name = _("purged survey responses")
        verbose_name_plural = _("purged survey responses")

    def __str__(self):
        return f"{self.survey_key} {self.month:%Y-%m}: {self.responses}"


class SurveyAnswerTally(TallyBase):
    survey_key = models.UUIDField(_("survey translation key"), db_index=True)
    question = models.CharField(_("question name"), max_length=255)
    # The Likert level ("1"–"5") or choice given; empty for a free-text answer.
    answer = models.CharField(_("answer"), max_length=255, blank=True)
    answers = models.PositiveIntegerField(_("answers"))

    class Meta:
        verbose_name = _("purged survey answers")
        verbose_name_plural = _("purged survey answers")

    def __str__(self):
        return f"{self.survey_key} {self.question}={self.answer} {self.month:%Y-%m}: {self.answers}"


class PollVoteTally(TallyBase):
    poll_key = models.UUIDField(_("poll translation key"), db_index=True)
    choice_key = models.UUIDField(_("choice translation key"))
    votes = models.PositiveIntegerField(_("votes"))

    class Meta:
        verbose_name = _("purged poll votes")
        verbose_name_plural = _("purged poll votes")

    def __str__(self):
        return f"{self.poll_key} {self.choice_key} {self.month:%Y-%m}: {self.votes}"
