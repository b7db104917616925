"""Results for editors in the admin, and the CSV exports."""

import csv
import io

import pytest

from django.contrib.auth.models import Group, Permission, User

from surveys.models import SurveyResponse
from tests.kept_rows import kept

from .conftest import add_article
from .helpers import STATEMENT_NAMES, answers

pytestmark = pytest.mark.django_db


@pytest.fixture
@kept
def second_article(home):
    return add_article(home, "Second article", "second-article")


@pytest.fixture
@kept
def answered(new_reader, survey, article, second_article):
    """Three readers on the first article, one on the second."""
    given = [
        ("10.0.1.1", article, (5, 4, 4, 2), "Clear and useful"),
        ("10.0.1.2", article, (4, 4, 3, 1), ""),
        ("10.0.1.3", article, (3, 5, 4, 2), '=HYPERLINK("http://evil")'),
        ("10.0.1.4", second_article, (1, 2, 2, 1), "Too long"),
    ]
    for address, page, levels, comments in given:
        response = new_reader(address).post(
            survey.url, answers(levels=levels, comments=comments, article=page.pk)
        )
        assert response.status_code == 303
    return given


def results_url(page):
    return f"/admin/survey-results/{page.pk}/"


def level_rows(html, statement):
    section = html.split(f"<h2>{statement}</h2>")[1].split("</section>")[0]
    return section


def test_the_results_show_counts_per_level_and_the_mean(admin_client, survey, answered):
    response = admin_client.get(results_url(survey))

    assert response.status_code == 200
    questions = response.context["questions"]
    assert response.context["total"] == 4
    first = questions[0]
    assert first.label == "The content was clear and easy to understand"
    assert [(str(label), count) for label, count, _percent in first.counts] == [
        ("Strongly disagree", 1),
        ("Disagree", 0),
        ("Neither agree nor disagree", 1),
        ("Agree", 1),
        ("Strongly agree", 1),
    ]
    assert first.mean == 3.25
    assert first.answered == 4
    comments = questions[4]
    assert [text for text, _response in comments.answers] == [
        "Too long",
        '=HYPERLINK("http://evil")',
        "Clear and useful",
    ]
    section = level_rows(response.text, "The content was clear and easy to understand")
    assert "<tr><td>Strongly agree</td><td>1</td><td>25%</td></tr>" in section
    assert "<td>3.25</td>" in section


def test_results_filter_by_article(admin_client, survey, article, answered):
    response = admin_client.get(results_url(survey), {"article": str(article.translation_key)})

    assert response.context["total"] == 3
    assert response.context["questions"][0].mean == 4.0
    assert "Second article" in response.text  # still offered in the filter


def test_results_filter_by_locale(admin_client, survey, answered):
    english = admin_client.get(results_url(survey), {"locale": "en"})
    spanish = admin_client.get(results_url(survey), {"locale": "es"})

    assert english.context["total"] == 4
    assert spanish.context["total"] == 0


def test_an_unknown_filter_value_shows_every_result(admin_client, survey, answered):
    response = admin_client.get(results_url(survey), {"article": "nope", "locale": "xx"})

    assert response.status_code == 200
    assert response.context["total"] == 4


def test_the_csv_export_has_one_row_per_response(admin_client, survey, answered):
    response = admin_client.get(f"{results_url(survey)}csv/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="article-feedback-responses-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Submitted at",
        "Language",
        "Article",
        "The content was clear and easy to understand",
        "The content addressed the learning objectives",
        "The content was relevant to my practice",
        "I will change my clinical practice as a result of this content",
        "Any other comments?",
        "Read in (machine translation)",
    ]
    assert [row[1:] for row in rows[1:]] == [
        ["en", "Blinatumomab in upfront ALL", "5", "4", "4", "2", "Clear and useful", ""],
        ["en", "Blinatumomab in upfront ALL", "4", "4", "3", "1", "", ""],
        # A spreadsheet would run this as a formula: it is exported as text.
        [
            *["en", "Blinatumomab in upfront ALL", "3", "5", "4", "2"],
            '\'=HYPERLINK("http://evil")',
            "",
        ],
        ["en", "Second article", "1", "2", "2", "1", "Too long", ""],
    ]


def test_the_csv_export_follows_the_filters(admin_client, survey, second_article, answered):
    response = admin_client.get(
        f"{results_url(survey)}csv/", {"article": str(second_article.translation_key)}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    assert rows[1][2] == "Second article"


def test_wagtails_submissions_export_includes_article_and_language(admin_client, survey, answered):
    response = admin_client.get(f"/admin/forms/submissions/{survey.pk}/", {"export": "csv"})

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][-3:] == ["Article", "Language", "Read in (machine translation)"]
    assert rows[1][-3:] == ["Blinatumomab in upfront ALL", "en", ""]
    assert len(rows) == 5


def test_poll_results_and_csv(admin_client, new_reader, poll, article):
    choices = {choice.label: choice.pk for choice in poll.choices.all()}
    for n, label in enumerate(["Very positive", "Very positive", "Very negative"]):
        new_reader(f"10.0.2.{n}").post(poll.url, {"choice": choices[label], "article": article.pk})

    response = admin_client.get(results_url(poll))

    assert response.status_code == 200
    assert response.context["total"] == 3
    assert [(row.choice.label, row.votes) for row in response.context["poll_rows"]] == [
        ("Very positive", 2),
        ("Somewhat positive", 0),
        ("Neutral / unsure", 0),
        ("Somewhat negative", 0),
        ("Very negative", 1),
    ]
    assert "<tr><td>Very positive</td><td>2</td><td>67%</td></tr>" in response.text

    export = admin_client.get(f"{results_url(poll)}csv/")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0] == ["Voted at", "Language", "Article", "Answer", "Read in (machine translation)"]
    assert sorted(row[3] for row in rows[1:]) == ["Very negative", "Very positive", "Very positive"]
    assert {row[2] for row in rows[1:]} == {"Blinatumomab in upfront ALL"}


def test_the_results_index_lists_each_survey_and_poll_once(admin_client, survey, poll, answered):
    response = admin_client.get("/admin/survey-results/")

    assert response.status_code == 200
    rows = [(row["page"].title, row["answers"]) for row in response.context["rows"]]
    assert sorted(rows) == [("Your feedback", 4), ("Your opinion matters", 0)]


def test_the_admin_menu_and_page_listing_link_to_the_results(admin_client, survey, home):
    sidebar = admin_client.get("/admin/").text
    assert '"label": "Survey results", "icon_name": "form"' in sidebar
    assert '"url": "/admin/survey-results/"' in sidebar
    explorer = admin_client.get(f"/admin/pages/{home.pk}/")
    assert f'href="/admin/survey-results/{survey.pk}/"' in explorer.text


@pytest.fixture
def editor_without_pages(client):
    user = User.objects.create_user("reader-editor", password="pw")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    return client


def test_editors_who_cannot_edit_the_page_cannot_see_its_results(
    editor_without_pages, survey, answered
):
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard.
    for url in (results_url(survey), f"{results_url(survey)}csv/"):
        response = editor_without_pages.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    index = editor_without_pages.get("/admin/survey-results/")
    assert index.context["rows"] == []


def test_results_of_a_page_that_is_no_survey_are_refused(admin_client, article):
    # LocaleMiddleware first redirects an unprefixed 404 to /en/…, which is not found either.
    assert admin_client.get(results_url(article), follow=True).status_code == 404
    assert admin_client.get("/admin/survey-results/999999/", follow=True).status_code == 404


def test_responses_keep_their_answers_when_the_article_is_deleted(
    admin_client, survey, article, answered
):
    article.delete()

    assert SurveyResponse.objects.filter(article__isnull=True).count() == 3
    response = admin_client.get(results_url(survey))
    assert response.context["total"] == 4
    assert "Deleted page" in response.text
    # Nobody can answer a second time about the deleted article's key.
    assert SurveyResponse.objects.filter(article_key=article.translation_key).count() == 3
    assert STATEMENT_NAMES[0] in SurveyResponse.objects.first().form_data
