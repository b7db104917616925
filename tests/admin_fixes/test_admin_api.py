"""The admin API answers wagtail-localize's translation editor, and the admin's 404s stay
404s instead of becoming redirects to a reader page under /en/."""

import json
from html import unescape

import pytest

from django.urls import reverse

from wagtail.models import Locale

from articles.models import ArticlePage
from surveys.models import PollPage, SurveyPage

pytestmark = pytest.mark.usefixtures("demo_content")


def english(model):
    return model.objects.get(locale=Locale.get_default(), alias_of__isnull=True)


def page_details_url(page_id):
    # As wagtail-localize's editor builds it: `${adminBaseUrl}api/main/pages/${id}/`.
    return f"{reverse('wagtailadmin_home')}api/main/pages/{page_id}/"


@pytest.mark.parametrize("role", ["translator", "editor", "manager"])
@pytest.mark.parametrize("model", [SurveyPage, PollPage])
def test_the_admin_api_gives_a_survey_or_polls_details(client, team, role, model):
    page = english(model)
    client.force_login(team[role])

    response = client.get(page_details_url(page.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["id"] == page.pk
    assert response.json()["title"] == page.title


def editor_props(response):
    """The props wagtail-localize's React translation editor is rendered with."""
    html = response.content.decode()
    start = html.index('data-props="') + len('data-props="')
    return json.loads(unescape(html[start : html.index('"', start)]))


def test_the_translation_editors_page_links_are_answered_for_a_translator(client, team):
    spanish_article = ArticlePage.objects.get(
        locale__language_code="es", featured_poll__isnull=False
    )
    client.force_login(team["translator"])

    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_article.pk,)))
    props = editor_props(editor)
    page_links = [
        segment
        for segment in props["segments"]
        if segment["type"] == "synchronised_value"
        and segment["location"]["widget"]["type"] == "page_chooser"
    ]

    linked = [segment["value"] for segment in page_links if segment["value"]]
    # The English poll: Spanish translators may not explore the English tree.
    assert english(PollPage).pk in linked
    for page_id in linked:
        response = client.get(f"{props['adminBaseUrl']}api/main/pages/{page_id}/")
        assert response.status_code == 200
        assert response.json()["id"] == page_id


def test_only_the_detail_view_is_widened_and_only_for_translators(client, team):
    survey = english(SurveyPage)
    # A medical reviewer explores no tree: Wagtail's answer, a 404 in JSON, not a redirect.
    client.force_login(team["medical"])
    refused = client.get(page_details_url(survey.pk))
    assert refused.status_code == 404
    assert refused["Content-Type"] == "application/json"
    assert not refused.has_header("Location")

    # The translator's explorer still lists their own languages' pages only.
    client.force_login(team["translator"])
    listing = client.get(
        f"{reverse('wagtailadmin_home')}api/main/pages/",
        {"child_of": survey.get_parent().pk, "for_explorer": "1"},
    )
    listed = {item["id"] for item in listing.json().get("items", [])}
    assert survey.pk not in listed


def test_a_missing_admin_url_is_a_404_without_a_language_prefix(client, team):
    client.force_login(team["editor"])

    response = client.get("/admin/anything-missing/")

    assert response.status_code == 404
    assert not response.has_header("Location")
    assert response["Content-Language"] == "en"


def test_signed_out_a_missing_admin_url_leads_to_the_admin_sign_in(client):
    # Wagtail's admin asks who is there before it says what is missing.
    response = client.get("/admin/anything-missing/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/")


def test_reader_urls_still_get_their_language_prefix(client):
    response = client.get("/articles/")

    assert response.status_code == 302
    assert response["Location"] == "/en/articles/"
