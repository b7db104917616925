"""Script put into editor content stays inert wherever the content is shown.

Payloads go into an article (title, summary, a rich-text link, a paragraph, a table), a
survey question's label and help text, a poll's question and answer, a topic's name and
the HCP gate's copy. The article is written and submitted through the admin, reviewed,
published, translated into Spanish with the payload in its translated title, reviewed and
published again. Then every screen that shows the content is parsed: no element, attribute
or link the payloads would create exists there.
"""

import datetime
import json
from html.parser import HTMLParser

import pytest

from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment

from articles.models import ArticlePage, FinancialRelationship
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from hub_site.gate.models import GateCopy
from surveys.models import PollChoice, PollPage, SurveyFormField, SurveyPage
from tests.articles.factories import create_index, create_topic
from tests.articles.test_contributors import create_contributor
from tests.publishing import publish_certified
from tests.security.permission_matrix import ROLES, make_role_user
from tests.translation.helpers import start_translation, translate_string, translate_the_rest
from tests.workflows.test_editorial_workflow import act

# No digits: translated text whose figures differ from the source is held back for review.
MARK = "xssmark"
IMG = f'<img src=x onerror=alert("{MARK}")>'
SVG = f'"><svg onload=alert("{MARK}")>'
JS_URL = f"javascript:alert('{MARK}')"


class ScriptFinder(HTMLParser):
    """Collects what a payload would have created, had it been inserted unescaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and (
                value.lower().replace("\t", "").replace("\n", "").startswith("javascript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value == "x":
                self.found.append(f"<{tag} src=x>")

    handle_startendtag = handle_starttag


def assert_inert(html):
    assert MARK in html, "the payload is not on this screen, so the check proves nothing"
    finder = ScriptFinder()
    finder.feed(html)
    finder.close()
    assert not finder.found, finder.found
    assert "<img src=x" not in html
    assert "<svg onload" not in html


@pytest.mark.parametrize(
    "live_markup",
    [
        f"<p>{IMG}</p>",
        f'<p title="{SVG}"></p>',
        f'<a href=" {JS_URL}">link</a>',
    ],
)
def test_the_check_finds_a_live_payload(live_markup):
    with pytest.raises(AssertionError):
        assert_inert(live_markup)


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def article_form(
    title, summary, body_html, table_cell, survey, poll, topic_links, contributor_links, **actions
):
    table = {
        "data": [["Outcome", "Rate"], [table_cell, "high"]],
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": f"Caption {IMG}",
    }
    return nested_form_data(
        {
            "title": title,
            "slug": "payload-article",
            "date": "2025-10-24",
            "learning_objective": f"Learners will {SVG}",
            "summary": summary,
            "key_data": rich_text(f"<p>{escape(IMG)}</p>"),
            "key_learning": rich_text(f'<p><a href="{JS_URL}">Key link</a></p>'),
            "body": streamfield(
                [("paragraph", rich_text(body_html)), ("table", json.dumps(table))]
            ),
            "references": streamfield([]),
            "topic_links": topic_links,
            "contributor_links": contributor_links,
            "feedback_survey": survey.pk,
            "featured_poll": poll.pk,
            "comments": inline_formset([]),
            **actions,
        }
    )


def build_content():
    users = {role: make_role_user(role, group) for role, group in ROLES.items()}
    home = Site.objects.get(is_default_site=True).root_page.specific
    mail.outbox.clear()

    survey = SurveyPage(title=f"Survey {IMG}", slug="payload-survey", intro=SVG)
    survey.form_fields = [
        SurveyFormField(
            label=f"Clear {IMG}", help_text=SVG, field_type="singleline", required=False
        )
    ]
    home.add_child(instance=survey)
    publish_certified(survey.save_revision())
    poll = PollPage(
        title=f"Poll {IMG}",
        slug="payload-poll",
        question=f"Agree {SVG}",
        choices=[PollChoice(label=f"Yes {IMG}"), PollChoice(label="No")],
    )
    home.add_child(instance=poll)
    publish_certified(poll.save_revision())
    topic = create_topic(f"Topic {IMG}", slug="payload-topic")
    faculty = create_contributor(
        name=f"Faculty {IMG}",
        credentials=SVG,
        affiliation=f"Hospital {IMG}",
        relationships=[
            FinancialRelationship(
                company=f"Pharma {IMG}", nature=SVG, started_on=datetime.date(2025, 1, 1)
            )
        ],
        mitigation=f"Reviewed {SVG}",
    )

    gate_copy = GateCopy.objects.filter(locale=Locale.get_default()).first() or GateCopy(
        locale=Locale.get_default(),
        confirm_label="I am a healthcare professional",
        patient_label="I am a patient or carer",
        patient_site_name="Know ALL",
        patient_site_url="https://patients.example/",
        withdraw_label="I am not a healthcare professional",
    )
    gate_copy.heading = f"Welcome {IMG}"
    gate_copy.statement = SVG
    gate_copy.save()
    publish_certified(gate_copy.save_revision())

    index = create_index(parent=home, title="Payload articles", slug="payload-articles")
    editor = admin_client(users["editor"])
    body = f'<p>See <a href="{JS_URL}">the trial</a> and {escape(IMG)}</p>'
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    response = editor.post(
        add_url,
        article_form(
            f"Outcomes {IMG}",
            SVG,
            body,
            f"Cell {IMG}",
            survey,
            poll,
            inline_formset([{"topic": topic.pk}]),
            inline_formset([{"contributor": faculty.pk}]),
        ),
    )
    assert response.status_code == 302, response.content.decode()
    article = ArticlePage.objects.get(slug="payload-article")
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        article_form(
            f"Outcomes revised {IMG}",
            f"Revised {SVG}",
            body.replace("the trial", "the revised trial"),
            f"Cell {SVG}",
            survey,
            poll,
            inline_formset([{"id": article.topic_links.get().pk, "topic": topic.pk}], initial=1),
            inline_formset(
                [{"id": article.contributor_links.get().pk, "contributor": faculty.pk}], initial=1
            ),
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302, response.content.decode()
    for reviewer in ("medical_reviewer", "compliance_reviewer"):
        act(admin_client(users[reviewer]), article, "approve")
    article.refresh_from_db()
    assert article.live

    translator = admin_client(users["translator"])
    spanish_article, translation = start_translation(translator, article)
    # wagtail-localize keeps a plain-text field as HTML-escaped text in its segment (and
    # marks an unescaped tag there as an error, falling back to the source): the payload
    # goes in as a translator's typed text arrives, escaped, and comes out as text.
    source_title = StringSegment.objects.get(
        source=translation.source, string__data__startswith="Outcomes revised"
    ).string.data
    translate_string(translator, translation, source_title, f"Resultados {escape(IMG)}")
    translate_the_rest(translator, translation)
    response = translator.post(
        reverse("hub_workflows:submit_translation", args=(spanish_article.pk,))
    )
    assert response.status_code == 302
    act(admin_client(users["translation_reviewer"]), spanish_article, "approve")
    spanish_article.refresh_from_db()
    assert spanish_article.live
    assert spanish_article.title == f"Resultados {IMG}"

    return {
        "users": users,
        "index": index,
        "article": article,
        "spanish_article": spanish_article,
        "survey": survey,
        "messages": list(mail.outbox),
    }


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """Built once, inside a transaction rolled back after the module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_content()
        transaction.set_rollback(True)


@pytest.fixture
def reader():
    confirmed = Client()
    confirmed.cookies[COOKIE_NAME] = signed_confirmation()
    return confirmed


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_public_article_and_its_survey_and_poll(content, db, reader):
    html = fetch(reader, content["article"].url)
    assert_inert(html)
    # The stored rich text keeps no javascript: link at all, not only an inert one.
    assert "javascript:" not in html.lower()
    assert "Cell" in html and "the revised trial" in html


def test_public_spanish_translation(content, db, reader):
    html = fetch(reader, content["spanish_article"].url)
    assert "Resultados" in html
    assert_inert(html)


def test_public_survey_page(content, db, reader):
    assert_inert(fetch(reader, content["survey"].url))


def test_gate_copy(content, db, client):
    response = client.get(content["article"].url, follow=True)
    assert "Welcome" in response.content.decode()
    assert_inert(response.content.decode())


@pytest.mark.parametrize(
    "screen",
    ["explorer", "history", "compare", "edit", "topics", "survey_submissions"],
)
def test_admin_screens(content, db, screen):
    article = content["article"]
    urls = {
        "explorer": reverse("wagtailadmin_explore", args=(content["index"].pk,)),
        "history": reverse("wagtailadmin_pages:history", args=(article.pk,)),
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=(article.pk, "earliest", "latest")
        ),
        "edit": reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        "topics": reverse("wagtailsnippets_articles_topic:list"),
        "survey_submissions": reverse(
            "wagtailforms:list_submissions", args=(content["survey"].pk,)
        ),
    }
    assert_inert(fetch(admin_client(content["users"]["manager"]), urls[screen]))


def test_translation_editor(content, db):
    translator = admin_client(content["users"]["translator"])
    html = fetch(
        translator, reverse("wagtailadmin_pages:edit", args=(content["spanish_article"].pk,))
    )
    assert "Resultados" in html or "Resultados".encode("unicode_escape").decode() in html
    assert_inert(html)


def test_workflow_emails(content, db):
    messages = content["messages"]
    assert any(MARK in message.body for message in messages), "no e-mail names the page"
    html_parts = [
        body
        for message in messages
        for body, mime_type in getattr(message, "alternatives", [])
        if mime_type == "text/html"
    ]
    for html in html_parts:
        assert_inert(html)
    # Plain-text bodies are not HTML: the title stands there as typed, and no mail client
    # renders it as markup.
    for message in messages:
        assert message.content_subtype == "plain"
