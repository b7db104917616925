"""Agreement with the feedback survey's Likert statements, sorted by what each measures
(``SurveyFormField.measures``): competence and intent (Moore 4: the learning objectives
were addressed, I will change my practice) and satisfaction (every other statement).

Counts are taken in the database, one query per survey answered in the scope (its
statements' levels counted side by side), plus the tallies of answers purged after the
retention period. No answer leaves the database, only the counts.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import CharField, Count, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from wagtail.models import Locale

from hub_site.outcomes.cells import Cell
from surveys.forms import LIKERT, LIKERT_LEVELS
from surveys.models import SurveyAnswerTally, SurveyFormField, SurveyResponse
from surveys.models.survey import OutcomeMeasure

LEVELS = [str(value) for value, _label in LIKERT_LEVELS]
AGREE = ("4", "5")
COMPETENCE_MEASURES = (OutcomeMeasure.OBJECTIVES, OutcomeMeasure.PRACTICE_CHANGE)


@dataclass(frozen=True)
class Statement:
    label: str
    measure: str
    answered: int
    levels: list  # [(level label, Cell: share of the answers)]
    agreement: Cell  # agree or strongly agree

    @property
    def suppressed(self):
        return self.agreement.suppressed

    @property
    def readers(self):
        return Cell.count(self.answered)

    @property
    def measure_label(self):
        return OutcomeMeasure(self.measure).label


@dataclass
class Agreement:
    competence: list = field(default_factory=list)  # [Statement], Moore 4
    satisfaction: list = field(default_factory=list)  # [Statement]


@dataclass(frozen=True)
class _LikertField:
    survey_key: object
    survey_title: str
    name: str
    label: str
    measure: str


def _likert_fields(survey_keys):
    """The surveys' Likert statements in the editor's order, worded in the default language
    where the survey has one."""
    default = Locale.get_default()
    rows = (
        SurveyFormField.objects.filter(page__translation_key__in=survey_keys, field_type=LIKERT)
        .order_by("page__title", "sort_order")
        .values_list(
            "page__translation_key",
            "page__locale_id",
            "page__title",
            "clean_name",
            "label",
            "measures",
        )
    )
    versions_of = {}  # {survey key: {locale id: [_LikertField]}}
    for survey_key, locale_id, title, name, label, measure in rows:
        versions = versions_of.setdefault(survey_key, {})
        versions.setdefault(locale_id, []).append(
            _LikertField(survey_key, title, name, label, measure)
        )
    return [
        likert_field
        for versions in versions_of.values()
        for likert_field in versions.get(default.pk) or next(iter(versions.values()))
    ]


def _raw_counts(responses, survey_key, names):
    """{(statement name, level): answers} of the responses to one survey."""
    answers = {
        f"answer_{number}": Cast(KeyTextTransform(name, "form_data"), CharField())
        for number, name in enumerate(names)
    }
    counts = (
        responses.filter(survey_key=survey_key)
        .alias(**answers)
        .aggregate(
            **{
                f"n_{number}_{level}": Count("pk", filter=Q(**{f"answer_{number}": level}))
                for number in range(len(names))
                for level in LEVELS
            }
        )
    )
    return Counter(
        {
            (name, level): counts[f"n_{number}_{level}"]
            for number, name in enumerate(names)
            for level in LEVELS
        }
    )


def agreement(scope, filters):
    keys = scope.article_keys
    responses = filters.narrow_answers(
        SurveyResponse.objects.all(), keys, article_key="article_key", answered_at="submit_time"
    )
    tallies = filters.narrow_tallies(SurveyAnswerTally.objects.filter(answer__in=LEVELS), keys)
    survey_keys = {
        *responses.values_list("survey_key", flat=True).distinct(),
        *tallies.values_list("survey_key", flat=True).distinct(),
    }
    likert_fields = _likert_fields(survey_keys)
    counts = Counter(
        {
            (survey_key, name, level): n
            for survey_key, name, level, n in tallies.values_list(
                "survey_key", "question", "answer"
            ).annotate(n=Sum("answers"))
        }
    )
    for survey_key in {f.survey_key for f in likert_fields}:
        names = [f.name for f in likert_fields if f.survey_key == survey_key]
        for (name, level), n in _raw_counts(responses, survey_key, names).items():
            counts[(survey_key, name, level)] += n

    several_surveys = len({f.survey_key for f in likert_fields}) > 1
    result = Agreement()
    for likert_field in likert_fields:
        by_level = [counts[(likert_field.survey_key, likert_field.name, level)] for level in LEVELS]
        answered = sum(by_level)
        label = likert_field.label
        if several_surveys:
            label = f"{likert_field.survey_title}: {label}"
        statement = Statement(
            label,
            likert_field.measure,
            answered,
            [
                (level_label, Cell.share(n, answered))
                for (_value, level_label), n in zip(LIKERT_LEVELS, by_level, strict=True)
            ],
            Cell.share(
                sum(n for level, n in zip(LEVELS, by_level, strict=True) if level in AGREE),
                answered,
            ),
        )
        if likert_field.measure in COMPETENCE_MEASURES:
            result.competence.append(statement)
        else:
            result.satisfaction.append(statement)
    return result
