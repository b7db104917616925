"""Results for editors: Likert distributions with means, free-text answers, poll counts.

A survey's or poll's results cover every language version of it (they share a
translation key); editors narrow them to one language or one article.
"""

import csv
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from surveys.forms import FREE_TEXT_TYPES, LIKERT, LIKERT_LEVELS
from surveys.models import (
    PollPage,
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


@dataclass
class PurgedAnswers:
    """What is left of responses purged after the retention period (surveys/retention.py)."""

    responses: int = 0
    answers: Counter = field(default_factory=Counter)  # (question name, answer) -> count


def purged_survey_answers(survey, *, locale=None, article_key=None):
    tallies = (
        SurveyAnswerTally.objects.filter(survey_key=survey.translation_key)
        .narrowed(locale, article_key)
        .values_list("question", "answer")
        .annotate(n=Sum("answers"))
    )
    responses = (
        SurveyResponseTally.objects.filter(survey_key=survey.translation_key)
        .narrowed(locale, article_key)
        .aggregate(n=Sum("responses"))
    )
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


# Stored answers of either kind, and their CSV export


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


class Answers:
    """A survey's or a poll's stored answers, over every language version of it; those
    purged after the retention period are counted in tallies (surveys/retention.py)."""

    # The answers, their tallies, the field of the page's translation key on both, and
    # what one answer is: the tally's count field, and the CSV's name.
    model = tally = page_key = counted = None
    # The field of when an answer was given, and its CSV header.
    answered_at = answered_at_header = None
    related = ("article", "locale")

    def __init__(self, page):
        self.page = page

    @classmethod
    def totals(cls, page_keys):
        """{translation key: answers, purged ones included} of the pages ``page_keys``."""
        of_pages = {f"{cls.page_key}__in": page_keys}
        raw = cls.model.objects.filter(**of_pages).values_list(cls.page_key)
        purged = cls.tally.objects.filter(**of_pages).values_list(cls.page_key)
        totals = Counter(dict(raw.annotate(n=Count("pk"))))
        totals.update(dict(purged.annotate(n=Sum(cls.counted))))
        return totals

    def rows(self, *, locale=None, article_key=None):
        return self.model.objects.filter(**{self.page_key: self.page.translation_key}).narrowed(
            locale, article_key
        )

    def article_keys(self):
        """The translation keys of the articles answers were given on."""
        of_page = {self.page_key: self.page.translation_key}
        raw = self.model.objects.filter(**of_page)
        purged = self.tally.objects.filter(**of_page)
        return {
            *raw.values_list(self.model.article_key_lookup, flat=True).distinct(),
            *purged.values_list(self.tally.article_key_lookup, flat=True).distinct(),
        }

    def answer_header(self):
        raise NotImplementedError

    def answer_cells(self, row):
        raise NotImplementedError

    def csv(self, **filters):
        header = [
            str(self.answered_at_header),
            str(_("Language")),
            str(_("Article")),
            *self.answer_header(),
            str(_("Read in (machine translation)")),
        ]
        rows = (
            [
                getattr(row, self.answered_at).isoformat(),
                row.locale.language_code,
                row.article.title if row.article else "",
                *self.answer_cells(row),
                row.reader_language,
            ]
            for row in self.rows(**filters).select_related(*self.related).order_by(self.answered_at)
        )
        filename = f"{self.page.slug}-{self.counted}-{timezone.now():%Y-%m-%d}.csv"
        return csv_response(filename, header, rows)


class SurveyAnswers(Answers):
    model, tally, page_key, counted = SurveyResponse, SurveyResponseTally, "survey_key", "responses"
    answered_at, answered_at_header = "submit_time", _("Submitted at")

    @cached_property
    def questions(self):
        return list(self.page.get_form_fields())

    def answer_header(self):
        return [question.label for question in self.questions]

    def answer_cells(self, row):
        return [row.form_data.get(question.clean_name) for question in self.questions]


class PollAnswers(Answers):
    model, tally, page_key, counted = PollVote, PollVoteTally, "poll_key", "votes"
    answered_at, answered_at_header = "created_at", _("Voted at")
    related = (*Answers.related, "choice")

    def answer_header(self):
        return [str(_("Answer"))]

    def answer_cells(self, row):
        return [row.choice.label]


def answers_of(page):
    return PollAnswers(page) if isinstance(page, PollPage) else SurveyAnswers(page)
