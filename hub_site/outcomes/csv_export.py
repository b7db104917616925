"""The CSV of a report: every figure it shows, one per line, with the readers behind it.

Only aggregates: no respondent, no answer, no free text. Withheld figures are blank, with
a note; cells that a spreadsheet would run as formulas are defused (surveys/results.py).
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hub_site.outcomes.cells import Cell, suppression_note
from surveys.results import csv_response


def _header():
    return [_("Section"), _("Item"), _("Figure"), _("Value"), _("Readers"), _("Note")]


def _figure(section, item, name, cell):
    return [section, item, name, cell.csv_value, cell.csv_respondents, cell.note]


def _about(report):
    section = _("Report")
    scope = report.scope
    yield [section, "", _("Title"), _("Learning outcomes"), "", ""]
    yield [section, "", str(scope.kind_label), scope.title, "", ""]
    for label, value in scope.details:
        yield [section, "", str(label), value, "", ""]
    yield [section, "", _("Articles"), "; ".join(scope.articles.values()), "", ""]
    yield [section, "", _("Language"), report.language, "", ""]
    yield [section, "", _("Period"), report.period, "", ""]
    yield [
        section,
        "",
        _("Produced"),
        date_format(timezone.localtime(report.produced_at), "Y-m-d H:i"),
        "",
        "",
    ]
    yield [section, "", _("Small numbers"), suppression_note(), "", ""]


def _participation(report):
    section = _("Participation")
    for row in report.participation:
        for label, cell in row.cells:
            yield _figure(section, row.label, str(label), cell)


def _knowledge_rows(section, item, row):
    yield _figure(
        section, item, _("Readers who took the quiz before and after"), Cell.count(row.respondents)
    )
    yield _figure(section, item, _("Right before reading (%)"), row.before)
    yield _figure(section, item, _("Right after reading (%)"), row.after)
    yield _figure(section, item, _("Change (percentage points)"), row.change)
    # The "% c" of "95% confidence" is no placeholder: nothing is interpolated.
    # xgettext:no-python-format
    yield _figure(section, item, _("95% confidence interval, lower bound"), row.low)
    # xgettext:no-python-format
    yield _figure(section, item, _("95% confidence interval, upper bound"), row.high)


def _knowledge(report):
    section = _("Knowledge (Moore 3A)")
    knowledge = report.knowledge
    yield _figure(
        section, _("Everyone who started"), _("Right before reading (%)"), knowledge.started
    )
    yield from _knowledge_rows(section, str(knowledge.overall.label), knowledge.overall)
    for quiz in knowledge.quizzes:
        for row in quiz.questions:
            yield from _knowledge_rows(section, f"{quiz.title}: {row.label}", row)


def _statements(section, statements):
    for statement in statements:
        item = statement.label
        yield _figure(section, item, _("Answered"), Cell.count(statement.answered))
        for level_label, cell in statement.levels:
            yield _figure(section, item, f"{level_label} (%)", cell)
        yield _figure(section, item, _("Agree or strongly agree (%)"), statement.agreement)


def csv_of(report):
    agreement = report.agreement
    rows = [
        *_about(report),
        *_participation(report),
        *_knowledge(report),
        *_statements(_("Competence and intent (Moore 4)"), agreement.competence),
        *_statements(_("Satisfaction"), agreement.satisfaction),
    ]
    scope = report.scope
    slug = slugify(scope.title)[:60] or scope.pk
    filename = f"learning-outcomes-{scope.kind}-{slug}-{report.produced_at:%Y-%m-%d}.csv"
    return csv_response(filename, _header(), rows)
