"""Results for editors: Likert distributions with means, free-text answers, poll counts.

A survey's or poll's results cover every language version of it (they share a
translation key); editors narrow them to one language or one article.
"""

import csv
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from surveys.forms import FREE_TEXT_TYPES, LIKERT, LIKERT_LEVELS
from surveys.models import (
    PollVote,
    PollVoteTally,
    SurveyAnswerTally,
    SurveyResponse,
    SurveyResponseTally,
)

LEVEL_VALUES = {value for value, _label in LIKERT_LEVELS}
FREE_TEXT_SHOWN = 200
# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ResultsFilterForm(forms.Form):
    locale = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Locale.objects.order_by("language_code"),
        to_field_name="language_code",
        required=False,
        empty_label=_("All languages"),
    )
    article = forms.ChoiceField(label=_("Article"), required=False)

    def __init__(self, *args, article_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = [("", _("All articles")), *article_choices]

    def filters(self):
        """The chosen language and article translation key; nothing when invalid."""
        if not self.is_valid():
            return {"locale": None, "article_key": None}
        return {
            "locale": self.cleaned_data["locale"],
            "article_key": self.cleaned_data["article"] or None,
        }


def article_choices(article_keys, locale):
    """(translation key, title) for the articles answers were given on."""
    keys = {str(key) for key in article_keys if key}
    titles = {}
    pages = Page.objects.filter(translation_key__in=keys).order_by("locale_id")
    for page in pages:
        key = str(page.translation_key)
        if key not in titles or page.locale_id == locale.pk:
            titles[key] = page.title
    return sorted(
        ((key, titles.get(key, _("Deleted page"))) for key in keys), key=lambda c: str(c[1])
    )


# Surveys


@dataclass
class LikertResult:
    label: str
    counts: list  # [(level label, count, percent)]
    answered: int
    mean: float | None


@dataclass
class FreeTextResult:
    label: str
    answers: list = field(default_factory=list)  # [(text, response)], newest first
    total: int = 0


def survey_responses(survey, *, locale=None, article_key=None):
    responses = SurveyResponse.objects.filter(survey_key=survey.translation_key)
    if locale is not None:
        responses = responses.filter(locale=locale)
    if article_key is not None:
        responses = responses.filter(article_key=article_key)
    return responses


def survey_article_keys(survey):
    raw = SurveyResponse.objects.filter(survey_key=survey.translation_key)
    purged = SurveyResponseTally.objects.filter(survey_key=survey.translation_key)
    return {
        *raw.values_list("article_key", flat=True).distinct(),
        *purged.values_list("article_key", flat=True).distinct(),
    }


@dataclass
class PurgedAnswers:
    """What is left of responses purged after the retention period (surveys/retention.py)."""

    responses: int = 0
    answers: Counter = field(default_factory=Counter)  # (question name, answer) -> count


def purged_survey_answers(survey, *, locale=None, article_key=None):
    filters = {
        "survey_key": survey.translation_key,
        **SurveyResponseTally.filters_for(locale, article_key),
    }
    tallies = (
        SurveyAnswerTally.objects.filter(**filters)
        .values_list("question", "answer")
        .annotate(n=Sum("answers"))
    )
    responses = SurveyResponseTally.objects.filter(**filters).aggregate(n=Sum("responses"))
    return PurgedAnswers(
        responses=responses["n"] or 0,
        answers=Counter({(question, answer): n for question, answer, n in tallies}),
    )


def survey_results(survey, responses, purged=None):
    """Per question of ``survey`` (in its language): Likert counts and mean, or free text.

    ``purged`` adds the counts kept for responses purged after the retention period.
    """
    purged = purged or PurgedAnswers()
    questions = list(survey.get_form_fields())
    likert = {q.clean_name: Counter() for q in questions if q.field_type == LIKERT}
    free_text = {
        q.clean_name: FreeTextResult(q.label) for q in questions if q.field_type in FREE_TEXT_TYPES
    }
    total = 0
    for response in responses.select_related("article", "locale").order_by("-submit_time"):
        total += 1
        for name, counter in likert.items():
            value = response.form_data.get(name)
            if value in LEVEL_VALUES:
                counter[value] += 1
        for name, result in free_text.items():
            text = str(response.form_data.get(name) or "").strip()
            if text:
                result.total += 1
                if len(result.answers) < FREE_TEXT_SHOWN:
                    result.answers.append((text, response))
    total += purged.responses
    for (name, answer), count in purged.answers.items():
        if name in likert and answer.isdigit() and int(answer) in LEVEL_VALUES:
            likert[name][int(answer)] += count
        elif name in free_text:
            free_text[name].total += count

    results = []
    for question in questions:
        if question.clean_name in likert:
            counter = likert[question.clean_name]
            answered = sum(counter.values())
            counts = [
                (label, counter[value], round(100 * counter[value] / answered) if answered else 0)
                for value, label in LIKERT_LEVELS
            ]
            mean = (
                round(sum(value * n for value, n in counter.items()) / answered, 2)
                if answered
                else None
            )
            results.append(LikertResult(question.label, counts, answered, mean))
        elif question.clean_name in free_text:
            results.append(free_text[question.clean_name])
    return results, total


# Polls


def poll_votes(poll, *, locale=None, article_key=None):
    votes = PollVote.objects.filter(poll_key=poll.translation_key)
    if locale is not None:
        votes = votes.filter(locale=locale)
    if article_key is not None:
        votes = votes.filter(article__translation_key=article_key)
    return votes


def poll_article_keys(poll):
    raw = PollVote.objects.filter(poll_key=poll.translation_key, article__isnull=False)
    purged = PollVoteTally.objects.filter(poll_key=poll.translation_key, article_key__isnull=False)
    return {
        *raw.values_list("article__translation_key", flat=True).distinct(),
        *purged.values_list("article_key", flat=True).distinct(),
    }


def poll_filters(locale=None, article_key=None):
    filters = {}
    if locale is not None:
        filters["locale"] = locale
    if article_key is not None:
        filters["article__translation_key"] = article_key
    return filters


# CSV export


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return response


def _filename(page, what):
    return f"{page.slug}-{what}-{timezone.now():%Y-%m-%d}.csv"


def survey_csv(survey, responses):
    questions = list(survey.get_form_fields())
    header = [
        str(_("Submitted at")),
        str(_("Language")),
        str(_("Article")),
        *[q.label for q in questions],
        str(_("Read in (machine translation)")),
    ]
    rows = (
        [
            response.submit_time.isoformat(),
            response.locale.language_code,
            response.article.title if response.article else "",
            *[response.form_data.get(q.clean_name) for q in questions],
            response.reader_language,
        ]
        for response in responses.select_related("article", "locale").order_by("submit_time")
    )
    return csv_response(_filename(survey, "responses"), header, rows)


def poll_csv(poll, votes):
    header = [
        str(_("Voted at")),
        str(_("Language")),
        str(_("Article")),
        str(_("Answer")),
        str(_("Read in (machine translation)")),
    ]
    rows = (
        [
            vote.created_at.isoformat(),
            vote.locale.language_code,
            vote.article.title if vote.article else "",
            vote.choice.label,
            vote.reader_language,
        ]
        for vote in votes.select_related("article", "locale", "choice").order_by("created_at")
    )
    return csv_response(_filename(poll, "votes"), header, rows)
