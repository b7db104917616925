"""Survey and poll pages in the editor: where they live, what editors may enter."""

import pytest

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import StringSegment, TranslationSource

from home.models import HomePage, StandardPage
from surveys.models import PollPage, SurveyPage
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


def test_surveys_and_polls_live_under_the_home_page():
    assert SurveyPage.can_create_at(HomePage())
    assert PollPage.can_create_at(HomePage())
    assert not SurveyPage.can_create_at(StandardPage())
    assert not PollPage.can_create_at(StandardPage())
    assert SurveyPage.allowed_subpage_models() == []
    assert PollPage.allowed_subpage_models() == []


def add_page_url(model, parent):
    return f"/admin/pages/add/surveys/{model._meta.model_name}/{parent.pk}/"


def poll_data(choices, **extra):
    return nested_form_data(
        {
            "title": "Quick poll",
            "slug": "quick-poll",
            "question": "Which regimen do you use?",
            "results_shown": PollPage.RESULTS_AFTER_VOTE,
            "choices": inline_formset([{"label": label} for label in choices]),
            # Submitted for review: pages go live when their review certifies them.
            "action-submit": "submit",
            **extra,
        }
    )


@pytest.mark.parametrize("count", [2, 8])
def test_an_editor_publishes_a_poll_with_two_to_eight_answers(admin_client, home, count):
    response = admin_client.post(
        add_page_url(PollPage, home), poll_data([f"Answer {n}" for n in range(count)])
    )

    assert response.status_code == 302, response.context["form"].errors
    poll = PollPage.objects.get(slug="quick-poll")
    assert poll.workflow_in_progress
    assert poll.choices.count() == count


@pytest.mark.parametrize("count", [1, 9])
def test_a_poll_needs_two_to_eight_answers(admin_client, home, count):
    response = admin_client.post(
        add_page_url(PollPage, home), poll_data([f"Answer {n}" for n in range(count)])
    )

    assert response.status_code == 200
    assert not PollPage.objects.filter(slug="quick-poll").exists()
    errors = response.context["form"].formsets["choices"].non_form_errors()
    assert errors


def test_a_poll_must_close_after_it_opens(admin_client, home):
    response = admin_client.post(
        add_page_url(PollPage, home),
        poll_data(["Yes", "No"], opens_at="2030-01-02 10:00", closes_at="2030-01-01 10:00"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"] == ["The poll must close after it opens."]


def survey_data(fields):
    # What a statement measures: the editor's form preselects satisfaction.
    fields = [{"measures": "satisfaction", **field} for field in fields]
    return nested_form_data(
        {
            "title": "Course feedback",
            "slug": "course-feedback",
            "intro": "Tell us what you think.",
            "form_fields": inline_formset(fields),
            # Submitted for review: pages go live when their review certifies them.
            "action-submit": "submit",
        }
    )


def test_an_editor_builds_a_survey_with_likert_statements(admin_client, home, hcp_client):
    response = admin_client.post(
        add_page_url(SurveyPage, home),
        survey_data(
            [
                {"label": "The pace was right", "field_type": "likert", "required": "on"},
                {
                    "label": "I will change my practice",
                    "field_type": "likert",
                    "required": "on",
                    "measures": "practice_change",
                },
                {"label": "Comments", "field_type": "multiline"},
            ]
        ),
    )

    assert response.status_code == 302
    survey = SurveyPage.objects.get(slug="course-feedback")
    assert [(f.clean_name, f.field_type, f.measures) for f in survey.form_fields.all()] == [
        ("the_pace_was_right", "likert", "satisfaction"),
        ("i_will_change_my_practice", "likert", "practice_change"),
        ("comments", "multiline", "satisfaction"),
    ]
    publish_certified(survey.get_latest_revision())
    assert '<legend class="likert__statement">The pace was right</legend>' in (
        hcp_client.get(survey.url).text
    )


def test_a_question_may_not_take_a_name_the_form_posts_itself(admin_client, home):
    response = admin_client.post(
        add_page_url(SurveyPage, home),
        survey_data([{"label": "Article", "field_type": "singleline"}]),
    )

    assert response.status_code == 200
    assert not SurveyPage.objects.filter(slug="course-feedback").exists()
    question_errors = response.context["form"].formsets["form_fields"].forms[0].errors
    assert question_errors["label"] == [
        "This label is reserved by the survey form. Please reword it."
    ]


def test_the_likert_type_is_offered_to_editors(admin_client, home):
    response = admin_client.get(add_page_url(SurveyPage, home))

    assert response.status_code == 200
    assert '<option value="likert">Likert statement (5-point agreement scale)</option>' in (
        response.text
    )


def test_translating_a_survey_keeps_its_question_names_and_types(survey, home, spanish):
    spanish_home = home.copy_for_translation(spanish)
    publish_certified(spanish_home.save_revision())

    spanish_survey = survey.copy_for_translation(spanish)

    source = list(survey.form_fields.values_list("translation_key", "clean_name", "field_type"))
    copied = list(
        spanish_survey.form_fields.values_list("translation_key", "clean_name", "field_type")
    )
    assert copied == source
    assert set(spanish_survey.form_fields.values_list("locale", flat=True)) == {spanish.pk}
    assert Page.objects.get(pk=spanish_survey.pk).locale == spanish


def test_wagtail_localize_offers_the_words_for_translation_and_keeps_the_rest(poll, survey):
    survey_source, _created = TranslationSource.get_or_create_from_instance(survey)
    poll_source, _created = TranslationSource.get_or_create_from_instance(poll)

    survey_strings = set(
        StringSegment.objects.filter(source=survey_source).values_list("string__data", flat=True)
    )
    poll_strings = set(
        StringSegment.objects.filter(source=poll_source).values_list("string__data", flat=True)
    )
    assert {
        "Your feedback",
        "Please indicate your level of agreement with the following statements:",
        "The content was clear and easy to understand",
        "Any other comments?",
    } <= survey_strings
    # Answers are stored under the question's name: it is never translated.
    assert "the_content_was_clear_and_easy_to_understand" not in survey_strings
    assert "likert" not in survey_strings
    assert {"Your opinion matters", "Very positive", "Neutral / unsure"} <= poll_strings
    assert "after_vote" not in poll_strings


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("form", '<button class="button" type="submit">Send feedback</button>'),
        ("landing", "Thank you for your feedback: it helps us plan the next articles."),
    ],
)
def test_editors_preview_the_form_and_the_thank_you(admin_client, survey, mode, expected):
    response = admin_client.get(f"/admin/pages/{survey.pk}/view_draft/?mode={mode}")

    assert response.status_code == 200
    assert expected in response.text


def test_editors_preview_a_poll(admin_client, poll):
    response = admin_client.get(f"/admin/pages/{poll.pk}/view_draft/")

    assert response.status_code == 200
    assert '<button class="button" type="submit">Vote</button>' in response.text
