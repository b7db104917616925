"""The learning-outcomes report over its real URLs: who may see it, its figures on the page,
in the CSV and on the printable page against the fixture worked out by hand (conftest.py
and test_statistics.py), the small-numbers rule, the filters, and bad input."""

import csv
import io
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hub_site.workflows import roles
from surveys.models import Phase
from tests.articles.factories import create_article
from tests.outcomes.conftest import SECRET_COMMENT, moment, respondent, take_quiz

ARTICLE, PROGRAMME = "article", "programme"
FEWER = "fewer than 5"
WITHHELD = "withheld"
PARTICIPATION = "Participation"
KNOWLEDGE = "Knowledge (Moore 3A)"
COMPETENCE = "Competence and intent (Moore 4)"
SATISFACTION = "Satisfaction"
ALL_QUESTIONS = "All questions"
OBJECTIVES = "The content addressed the learning objectives"
PRACTICE = "I will change my clinical practice as a result of this content"
CLEAR = "The content was clear and easy to understand"
AGREE = "Agree or strongly agree (%)"


def url(name, pk, **query):
    path = reverse(f"hub_outcomes:{name}", args=[pk])
    return f"{path}?{urlencode(query)}" if query else path


def article_url(outcomes, **query):
    return url(ARTICLE, outcomes.a.pk, **query)


def csv_figures(response):
    """{(section, item, figure): (value, readers, note)} of a CSV export."""
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Section", "Item", "Figure", "Value", "Readers", "Note"]
    return {tuple(row[:3]): tuple(row[3:]) for row in rows[1:]}


def participation(report):
    return {row.label: [str(cell) for _label, cell in row.cells] for row in report.participation}


@pytest.fixture
def manager(team):
    return team["manager"]


@pytest.fixture
def signed_in(client, manager):
    client.force_login(manager)
    return client


# Who may see it


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("manager", 200),
        ("compliance", 200),
        ("editor", 403),
        ("medical", 403),
        ("translator", 403),
        ("translation_reviewer", 403),
    ],
)
def test_only_site_managers_and_compliance_reviewers_get_the_report(
    client, team, outcomes, role, status
):
    client.force_login(team[role])
    for address in (
        reverse("hub_outcomes:index"),
        reverse("hub_outcomes:index") + "?q=MRD",
        article_url(outcomes),
        article_url(outcomes, export="csv"),
        url("article_print", outcomes.a.pk),
        url(PROGRAMME, outcomes.programme.pk),
        url("programme_print", outcomes.programme.pk),
    ):
        response = client.get(address)
        assert response.status_code == status, address
        if status == 403:
            assert "for site managers and compliance reviewers" in response.text


def test_superusers_get_the_report(client, superuser, outcomes):
    client.force_login(superuser)
    assert client.get(article_url(outcomes)).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, outcomes):
    response = client.get(article_url(outcomes))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_reports_menu_offers_it_only_to_those_allowed(client, team):
    client.force_login(team["compliance"])
    assert "Learning outcomes" in client.get(reverse("wagtailadmin_home")).text
    client.force_login(team["editor"])
    assert "Learning outcomes" not in client.get(reverse("wagtailadmin_home")).text


def test_the_index_lists_programmes_and_finds_articles(signed_in, outcomes):
    response = signed_in.get(reverse("hub_outcomes:index"))
    assert response.status_code == 200
    assert url(PROGRAMME, outcomes.programme.pk) in response.text
    assert "GR-2025-1" in response.text
    assert url(ARTICLE, outcomes.a.pk) in response.text
    found = signed_in.get(reverse("hub_outcomes:index") + "?q=MRD")
    assert url(ARTICLE, outcomes.b.pk) in found.text
    assert url(ARTICLE, outcomes.a.pk) not in found.text
    assert signed_in.get(reverse("hub_outcomes:index") + "?q=%00&p=x").status_code == 200


# The figures


def test_the_page_shows_the_hand_computed_figures(signed_in, outcomes):
    response = signed_in.get(article_url(outcomes))
    assert response.status_code == 200
    report = response.context["report"]
    # Purged survey responses (3) and poll votes (2) still count.
    assert participation(report) == {"Allo-HSCT in CR2": ["7", "6", "9", "7"]}

    knowledge = report.knowledge
    assert str(knowledge.started) == "39.3%"  # 275 / 7
    overall = knowledge.overall
    assert overall.respondents == 6
    assert [str(overall.before), str(overall.after), str(overall.change)] == [
        "37.5%",
        "75.0%",
        "+37.5",
    ]
    assert round(overall.low.value, 2) == 9.98
    assert round(overall.high.value, 2) == 65.02
    questions = [
        (str(row.before), str(row.after), str(row.change), row.interval_text)
        for row in knowledge.quizzes[0].questions
    ]
    assert questions == [
        ("66.7%", "100.0%", "+33.3", "-4.4 to +71.1"),
        ("50.0%", "100.0%", "+50.0", "+10.0 to +90.0"),
        ("16.7%", "66.7%", "+50.0", "+10.0 to +90.0"),
        ("16.7%", "33.3%", "+16.7", "-38.3 to +71.7"),
    ]

    agreement = report.agreement
    assert [(s.label, s.answered, str(s.agreement)) for s in agreement.competence] == [
        (OBJECTIVES, 9, "88.9%"),
        (PRACTICE, 9, "77.8%"),
    ]
    assert [s.label for s in agreement.satisfaction] == [
        CLEAR,
        "The content was relevant to my practice",
    ]
    practice = agreement.competence[1]
    assert [str(cell) for _level, cell in practice.levels] == [
        "0.0%",
        "11.1%",
        "11.1%",
        "33.3%",
        "44.4%",
    ]

    page = BeautifulSoup(response.text, "html.parser")
    overall_row = page.find("th", string=ALL_QUESTIONS).parent
    assert [td.get_text() for td in overall_row.find_all("td")] == [
        "6",
        "37.5%",
        "75.0%",
        "+37.5",
        "+10.0 to +65.0",
    ]


def test_each_chart_is_an_image_with_a_title_a_description_and_a_table(signed_in, outcomes):
    page = BeautifulSoup(signed_in.get(article_url(outcomes)).text, "html.parser")
    charts = page.find_all("svg")
    charts = [svg for svg in charts if "hub-outcomes-chart" in svg.get("class", [])]
    assert len(charts) == 4
    for chart in charts:
        assert chart["role"] == "img"
        title_id, description_id = chart["aria-labelledby"].split()
        assert chart.find("title", id=title_id).get_text()
        assert chart.find("desc", id=description_id).get_text()
        assert chart.find_next_sibling("table") is not None
    knowledge = page.find("desc", id="outcomes-knowledge-chart-description").get_text()
    assert "All questions: before 37.5%, after 75.0%" in knowledge


def test_the_csv_has_every_figure(signed_in, outcomes):
    response = signed_in.get(article_url(outcomes, export="csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="learning-outcomes-article-allo-hsct-in-cr2-'
    )
    figures = csv_figures(response)
    article = "Allo-HSCT in CR2"
    assert figures[(PARTICIPATION, article, "Quiz starts (before reading)")] == ("7", "7", "")
    assert figures[(PARTICIPATION, article, "Quiz completions (after reading)")][0] == "6"
    assert figures[(PARTICIPATION, article, "Survey responses")][0] == "9"
    assert figures[(PARTICIPATION, article, "Poll votes")][0] == "7"
    assert figures[(KNOWLEDGE, "Everyone who started", "Right before reading (%)")] == (
        "39.3",
        "7",
        "",
    )
    overall = {
        figure: value
        for (section, item, figure), (value, *_rest) in figures.items()
        if (section, item) == (KNOWLEDGE, ALL_QUESTIONS)
    }
    assert overall == {
        "Readers who took the quiz before and after": "6",
        "Right before reading (%)": "37.5",
        "Right after reading (%)": "75.0",
        "Change (percentage points)": "37.5",
        "95% confidence interval, lower bound": "10.0",
        "95% confidence interval, upper bound": "65.0",
    }
    question = "Quick quiz on allo-HSCT: Q4: which answer is right?"
    assert figures[(KNOWLEDGE, question, "95% confidence interval, lower bound")][0] == "-38.3"
    assert figures[(KNOWLEDGE, question, "Change (percentage points)")][0] == "16.7"
    assert figures[(COMPETENCE, PRACTICE, AGREE)] == ("77.8", "9", "")
    assert figures[(COMPETENCE, PRACTICE, "Strongly agree (%)")][0] == "44.4"
    assert figures[(COMPETENCE, OBJECTIVES, "Answered")][0] == "9"
    assert figures[(SATISFACTION, CLEAR, AGREE)][0] == "77.8"
    assert figures[("Report", "", "Period")][0] == "All dates"
    assert "fewer than 5 readers are withheld" in figures[("Report", "", "Small numbers")][0]


def test_the_printable_report_stands_alone_with_every_figure(signed_in, outcomes):
    response = signed_in.get(url("article_print", outcomes.a.pk, date_from="2025-03-01"))
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert page.find("h1").get_text() == "Learning outcomes: Allo-HSCT in CR2"
    assert page.title.get_text() == "Learning outcomes: Allo-HSCT in CR2"
    # No admin around it: no sidebar, no admin scripts.
    assert page.find(attrs={"data-wagtail-sidebar": True}) is None
    assert not page.find_all("script")
    scope = page.find("dl", class_="hub-outcomes__scope").get_text(" ", strip=True)
    assert "From 1 March 2025" in scope
    assert "Produced" in scope
    assert "Funded programmes ALL education grant" in scope
    assert "fewer than 5 readers are withheld" in response.text
    assert page.find("th", string=ALL_QUESTIONS) is not None
    stylesheet = page.find("link", rel="stylesheet")["href"]
    css = b"".join(signed_in.get(stylesheet).streaming_content).decode()
    assert "@media print" in css


def test_no_individual_answer_leaves_the_database(signed_in, outcomes):
    readers = [*range(1, 10), *range(20, 23), *range(30, 35)]
    keys = [respondent(reader) for reader in readers]
    for address in (
        article_url(outcomes),
        article_url(outcomes, export="csv"),
        url("article_print", outcomes.a.pk),
        url(PROGRAMME, outcomes.programme.pk),
        url(PROGRAMME, outcomes.programme.pk, export="csv"),
        url("programme_print", outcomes.programme.pk),
    ):
        text = signed_in.get(address).content.decode()
        assert SECRET_COMMENT not in text, address
        assert "Any other comments" not in text, address
        assert not [key for key in keys if key in text], address
        assert "respondent" not in text.lower(), address


# The small-numbers rule and the filters


def test_figures_about_fewer_than_five_readers_are_withheld(signed_in, outcomes):
    # In English, 4 readers completed the quiz (2 completed it in Spanish).
    response = signed_in.get(article_url(outcomes, locale="en"))
    report = response.context["report"]
    assert participation(report) == {"Allo-HSCT in CR2": ["7", FEWER, "9", "7"]}
    overall = report.knowledge.overall
    assert overall.respondents == 4
    assert {str(cell) for cell in (overall.before, overall.after, overall.change)} == {FEWER}
    assert overall.interval_text == FEWER
    page = BeautifulSoup(response.text, "html.parser")
    overall_row = page.find("th", string=ALL_QUESTIONS).parent
    assert [td.get_text() for td in overall_row.find_all("td")] == [FEWER] * 5
    assert "37.5%" not in response.text

    figures = csv_figures(signed_in.get(article_url(outcomes, locale="en", export="csv")))
    completions = (PARTICIPATION, "Allo-HSCT in CR2", "Quiz completions (after reading)")
    assert figures[completions] == ("", "", FEWER)
    assert figures[(KNOWLEDGE, ALL_QUESTIONS, "Change (percentage points)")] == ("", "", FEWER)
    assert figures[(KNOWLEDGE, ALL_QUESTIONS, "Readers who took the quiz before and after")] == (
        "",
        "",
        FEWER,
    )


def test_five_readers_are_enough(signed_in, outcomes):
    take_quiz(outcomes.quiz, outcomes.a, 7, Phase.AFTER, {"Q1"}, moment(2025, 4, 21))
    report = signed_in.get(article_url(outcomes, locale="en")).context["report"]
    assert report.knowledge.overall.respondents == 5
    assert not report.knowledge.overall.suppressed
    assert str(report.participation[0].quiz_completions) == "5"


def test_the_language_filter_counts_answers_given_in_that_language(signed_in, outcomes):
    report = signed_in.get(article_url(outcomes, locale="es")).context["report"]
    # The Spanish completions of readers 5 and 6; their starts were in English.
    assert participation(report) == {"Allo-HSCT in CR2": [FEWER, FEWER, FEWER, FEWER]}
    assert report.knowledge.overall.respondents == 2
    assert report.language == "Spanish"


def test_the_period_filter(signed_in, outcomes):
    march = {"date_from": "2025-03-01", "date_to": "2025-03-31"}
    report = signed_in.get(article_url(outcomes, **march)).context["report"]
    # Reader 7 started in April; the purged answers are from December 2024.
    assert participation(report) == {"Allo-HSCT in CR2": ["6", "6", "6", "5"]}
    assert str(report.knowledge.started) == "37.5%"
    assert str(report.knowledge.overall.change) == "+37.5"
    practice = report.agreement.competence[1]
    assert (practice.answered, str(practice.agreement)) == (6, "66.7%")  # 4 of 6
    assert report.period == "1 March 2025 to 31 March 2025"

    april = signed_in.get(article_url(outcomes, date_from="2025-04-01")).context["report"]
    assert participation(april) == {"Allo-HSCT in CR2": [FEWER, FEWER, FEWER, FEWER]}

    # A purged month counts whole when the period touches it.
    december = signed_in.get(article_url(outcomes, date_from="2024-12-20", date_to="2024-12-31"))
    assert str(december.context["report"].total.survey_responses) == FEWER
    assert december.context["report"].agreement.competence[1].answered == 3


def test_a_programme_combines_its_articles_and_their_translations(signed_in, outcomes):
    response = signed_in.get(url(PROGRAMME, outcomes.programme.pk))
    assert response.status_code == 200
    report = response.context["report"]
    # B: 2 readers took the quiz; 5 survey responses, 2 of them on its Spanish version.
    # C is in no programme: its 6 readers count nowhere here. B's quiz starts, completions
    # and votes are fewer than 5: A's are withheld too, or the total would give B's away.
    assert participation(report) == {
        "All articles": ["9", "8", "14", "7"],
        "Allo-HSCT in CR2": [WITHHELD, WITHHELD, "9", WITHHELD],
        "MRD before transplant": [FEWER, FEWER, "5", FEWER],
    }
    assert report.knowledge.overall.respondents == 8
    assert report.scope.details[0] == ("Grant reference", "GR-2025-1")
    figures = csv_figures(signed_in.get(url(PROGRAMME, outcomes.programme.pk, export="csv")))
    assert figures[(PARTICIPATION, "All articles", "Survey responses")][0] == "14"
    assert (
        figures[(KNOWLEDGE, ALL_QUESTIONS, "Readers who took the quiz before and after")][0] == "8"
    )
    assert figures[("Report", "", "Grant reference")][0] == "GR-2025-1"
    assert figures[(PARTICIPATION, "Allo-HSCT in CR2", "Quiz starts (before reading)")] == (
        "",
        "",
        WITHHELD,
    )


def test_any_language_version_of_an_article_opens_its_report(signed_in, outcomes):
    report = signed_in.get(url(ARTICLE, outcomes.a_es.pk)).context["report"]
    assert report.scope.title == "Allo-HSCT in CR2"
    assert participation(report) == {"Allo-HSCT in CR2": ["7", "6", "9", "7"]}


def test_the_csv_defuses_spreadsheet_formulas(signed_in, outcomes):
    index = outcomes.a.get_parent()
    article = create_article(index, "=HYPERLINK(1)", slug="formula")
    article.programmes.set([outcomes.programme])
    article.save()
    response = signed_in.get(url(PROGRAMME, outcomes.programme.pk, export="csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    items = {row[1] for row in rows[1:]}
    assert "'=HYPERLINK(1)" in items
    assert "=HYPERLINK(1)" not in items


def test_the_query_count_does_not_grow_with_readers(signed_in, outcomes):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(url(PROGRAMME, outcomes.programme.pk)).status_code == 200
        return len(captured)

    few = queries()
    for reader in range(100, 130):
        take_quiz(outcomes.quiz, outcomes.b, reader, Phase.BEFORE, {"Q1"}, moment(2025, 3, 10))
        take_quiz(outcomes.quiz, outcomes.b, reader, Phase.AFTER, {"Q2"}, moment(2025, 3, 11))
    assert queries() == few


# Bad input


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"locale": "xx"}, "There is no language with the code “xx” on this site."),
        ({"locale": "\x00"}, "There is no language with the code"),
        ({"date_from": "2025-13-01"}, "Enter the first day as a date: YYYY-MM-DD."),
        ({"date_to": "yesterday"}, "Enter the last day as a date: YYYY-MM-DD."),
        (
            {"date_from": "2025-04-01", "date_to": "2025-03-01"},
            "The period must start on or before its last day.",
        ),
        ({"export": "pdf"}, "The report can be exported only as CSV (export=csv)."),
    ],
)
def test_bad_filters_get_a_400_with_a_clear_message(signed_in, outcomes, query, message):
    for name in (ARTICLE, "article_print"):
        response = signed_in.get(url(name, outcomes.a.pk, **query))
        assert response.status_code == 400
        assert message in response.content.decode()
        assert response.context["report"] is None
    if "export" not in query:
        assert signed_in.get(url(ARTICLE, outcomes.a.pk, **query, export="csv")).status_code == 400


def test_unknown_articles_and_programmes_are_404(signed_in, outcomes):
    assert signed_in.get(url(ARTICLE, 999_999)).status_code == 404
    # A page that is not an article.
    assert signed_in.get(url(ARTICLE, outcomes.quiz.pk)).status_code == 404
    assert signed_in.get(url(PROGRAMME, 999_999)).status_code == 404
    assert signed_in.get(url("programme_print", 999_999)).status_code == 404
    assert signed_in.get("/admin/outcomes/article/abc/").status_code == 404


def test_editors_get_403_even_for_a_missing_article(client, team):
    client.force_login(team["editor"])
    assert client.get(url(ARTICLE, 999_999)).status_code == 403
    assert roles.EDITORS in {group.name for group in team["editor"].groups.all()}


def test_the_article_header_menu_links_to_its_report_for_those_allowed(client, team, outcomes):
    edit = reverse("wagtailadmin_pages:edit", args=[outcomes.a.pk])
    client.force_login(team["manager"])
    assert url(ARTICLE, outcomes.a.pk) in client.get(edit).text
    client.force_login(team["editor"])
    response = client.get(edit)
    assert response.status_code == 200
    assert url(ARTICLE, outcomes.a.pk) not in response.text
