"""The seed's feedback survey and poll, word for word."""

import pytest

from hub_site.demo.surveys import load_surveys
from surveys.models import PollPage, SurveyPage, SurveySettings

pytestmark = pytest.mark.django_db


def test_the_demo_survey_is_the_seeds_word_for_word(survey):
    assert survey.live
    assert survey.intro == "Please indicate your level of agreement with the following statements:"
    assert [(f.label, f.field_type, f.required) for f in survey.form_fields.all()] == [
        ("The content was clear and easy to understand", "likert", True),
        ("The content addressed the learning objectives", "likert", True),
        ("The content was relevant to my practice", "likert", True),
        ("I will change my clinical practice as a result of this content", "likert", True),
        ("Any other comments?", "multiline", False),
    ]
    assert SurveySettings.objects.get().default_feedback_survey == survey


def test_the_demo_poll_is_the_seeds_and_open_now(poll):
    assert poll.live
    assert poll.title == "Your opinion matters"
    assert poll.question == (
        "What is your perception of incorporating blinatumomab into upfront ALL treatment "
        "regimens alongside traditional chemotherapy and pegaspargase?"
    )
    assert 4 <= poll.choices.count() <= 5
    assert poll.is_open
    assert poll.results_shown == PollPage.RESULTS_AFTER_VOTE


def test_loading_again_changes_nothing_and_keeps_the_editors_default(home, demo):
    other = SurveyPage(title="Other", slug="other", form_fields=[])
    home.add_child(instance=other)
    SurveySettings.objects.update(default_feedback_survey=other)

    assert load_surveys(home) == demo
    assert SurveyPage.objects.count() == 2
    assert PollPage.objects.count() == 1
    assert SurveySettings.objects.get().default_feedback_survey_id == other.pk
