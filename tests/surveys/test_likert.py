"""The Likert question type: built from the editor's fields, rendered and validated."""

import re

import pytest

from django.utils.functional import Promise

from surveys.forms import LIKERT_LEVELS, LikertField, survey_sections
from surveys.models import SurveyFormField, SurveyPage

pytestmark = pytest.mark.django_db

LEVEL_LABELS = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
]


def build_form(fields, data=None):
    survey = SurveyPage(title="Feedback", slug="feedback", form_fields=fields)
    return survey.get_form(data, page=survey)


def likert(label, required=True):
    return SurveyFormField(label=label, field_type="likert", required=required)


def test_the_form_builder_turns_a_likert_field_into_a_five_level_choice():
    form = build_form([likert("The content was clear")])

    field = form.fields["the_content_was_clear"]
    assert isinstance(field, LikertField)
    assert [label for _value, label in field.choices] == LEVEL_LABELS
    assert [value for value, _label in field.choices] == [1, 2, 3, 4, 5]


def test_a_likert_statement_renders_as_a_fieldset_with_its_statement_as_legend():
    html = str(
        build_form([likert("The content was clear")])["the_content_was_clear"].as_field_group()
    )

    assert re.search(
        r'<fieldset class="likert"[^>]*>\s*<legend class="likert__statement">'
        r"The content was clear</legend>",
        html,
    )
    radios = re.findall(
        r'<input type="radio" name="the_content_was_clear" value="(\d)" required'
        r' id="(id_the_content_was_clear_\d)">',
        html,
    )
    assert [value for value, _id in radios] == ["1", "2", "3", "4", "5"]
    for (value, input_id), label in zip(radios, LEVEL_LABELS, strict=True):
        # Every radio has a label of its own, on narrow and wide screens alike.
        assert re.search(
            rf'<label class="likert__option" for="{input_id}"><input [^>]*value="{value}"[^>]*>'
            rf'\s*<span class="likert__level">{label}</span></label>',
            html,
        )


def test_an_optional_statement_says_so_and_is_not_required():
    html = str(
        build_form([likert("Optional one", required=False)])["optional_one"].as_field_group()
    )

    assert "(optional)" in html
    assert "required" not in html


def test_level_labels_are_translated_when_rendered():
    # Lazy: each is looked up in the reader's language when the form renders.
    assert all(isinstance(label, Promise) for _value, label in LIKERT_LEVELS)
    assert [str(label) for _value, label in LIKERT_LEVELS] == LEVEL_LABELS


def test_consecutive_likert_statements_are_grouped_into_one_matrix():
    form = build_form(
        [
            likert("One"),
            likert("Two"),
            SurveyFormField(label="Comments", field_type="multiline", required=False),
            likert("Three"),
        ]
    )

    sections = survey_sections(form)

    assert [(s["likert"], [f.name for f in s["fields"]]) for s in sections] == [
        (True, ["one", "two"]),
        (False, ["comments"]),
        (True, ["three"]),
    ]


@pytest.mark.parametrize("level", ["1", "3", "5"])
def test_a_chosen_level_is_cleaned_to_its_number(level):
    form = build_form([likert("Clear")], data={"clear": level})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["clear"] == int(level)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Please choose how much you agree with this statement."),
        ({"clear": ""}, "Please choose how much you agree with this statement."),
        ({"clear": "6"}, "Please choose one of the five levels of agreement."),
        ({"clear": "0"}, "Please choose one of the five levels of agreement."),
        ({"clear": "agree"}, "Please choose one of the five levels of agreement."),
    ],
)
def test_a_missing_or_unknown_level_is_refused(data, message):
    form = build_form([likert("Clear")], data=data)

    assert not form.is_valid()
    assert form.errors["clear"] == [message]


def test_an_unanswered_optional_statement_is_stored_as_no_answer():
    form = build_form([likert("Clear", required=False)], data={})

    assert form.is_valid()
    assert form.cleaned_data["clear"] is None


def test_an_invalid_statement_marks_its_radios_and_shows_the_error():
    form = build_form([likert("Clear")], data={"clear": "9"})
    form.is_valid()

    html = str(form["clear"].as_field_group())

    assert 'class="likert likert--invalid"' in html
    assert 'aria-describedby="id_clear_error"' in html
    assert 'id="id_clear_error"' in html
    assert html.count('aria-invalid="true"') == 5


def test_long_free_text_is_refused():
    form = build_form(
        [SurveyFormField(label="Comments", field_type="multiline", required=False)],
        data={"comments": "x" * 2001},
    )

    assert not form.is_valid()
    assert "at most 2000 characters" in form.errors["comments"][0]
