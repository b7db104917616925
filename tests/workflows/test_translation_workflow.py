"""Translators localize; translation reviewers approve; nobody touches the source language."""

from urllib.parse import urlencode

import pytest

from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment

from home.models import HomePage, StandardPage
from hub_site.workflows import roles
from tests.publishing import publish_certified
from tests.translation.helpers import translation_into
from tests.workflows.test_editorial_workflow import act, assert_done, assert_refused, page_form


@pytest.fixture
def english_page(db):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    # Spanish is a language in use (it has a page tree), so its translations may be made.
    publish_certified(
        home.copy_for_translation(Locale.objects.get(language_code="es")).save_revision()
    )
    page = home.add_child(instance=StandardPage(title="About us", slug="about-us"))
    publish_certified(page.save_revision())
    return page


def translate_string(client, translation, source_text, translated_text):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    return client.put(
        url,
        urlencode({"value": translated_text}),
        content_type="application/x-www-form-urlencoded",
    )


def test_translator_localizes_and_translation_review_publishes(client, team, english_page):
    spanish = Locale.objects.get(language_code="es")
    client.force_login(team["translator"])

    # The translator starts a Spanish translation of the published English page.
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(english_page.pk,)),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 302
    spanish_page = english_page.get_translation(spanish)
    assert not spanish_page.live

    # They cannot edit the English page, in the editor or by posting to it.
    edit_english = reverse("wagtailadmin_pages:edit", args=(english_page.pk,))
    assert_refused(client.get(edit_english))
    assert_refused(client.post(edit_english, page_form("Hacked", "about-us")))
    english_page.refresh_from_db()
    assert english_page.title == "About us"
    assert english_page.get_latest_revision().content["title"] == "About us"

    # They can edit the Spanish draft in wagtail-localize's translation editor.
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,))).status_code == 200
    )
    translation = translation_into(english_page, "es")
    assert translate_string(client, translation, "About us", "Quiénes somos").status_code in (
        200,
        201,
    )

    # …and submit it to the Spanish translation review, but not publish it.
    submit = reverse("hub_workflows:submit_translation", args=(spanish_page.pk,))
    assert client.get(submit).status_code == 200
    assert_done(client.post(submit))
    spanish_page.refresh_from_db()
    assert not spanish_page.live
    assert spanish_page.current_workflow_task.name == roles.translation_review_name("es")

    # Editors of the source language are not the reviewers of translations.
    client.force_login(team["medical"])
    assert_refused(act(client, spanish_page, "approve"))

    client.force_login(team["translation_reviewer"])
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    assert spanish_page.live
    assert spanish_page.title == "Quiénes somos"
    assert not WorkflowState.objects.for_instance(spanish_page).filter(status="in_progress")


def test_translator_cannot_submit_an_english_page(client, team, english_page):
    client.force_login(team["translator"])
    submit = reverse("hub_workflows:submit_translation", args=(english_page.pk,))
    assert_refused(client.post(submit))
    assert not WorkflowState.objects.for_instance(english_page).exists()


def test_a_submitted_edit_of_a_live_translation_stays_a_draft_until_approved(
    client, hcp_client, team, english_page
):
    spanish = Locale.objects.get(language_code="es")
    client.force_login(team["translator"])
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=(english_page.pk,)),
        {"locales": [spanish.pk]},
    )
    spanish_page = english_page.get_translation(spanish)
    translation = translation_into(english_page, "es")
    submit = reverse("hub_workflows:submit_translation", args=(spanish_page.pk,))
    translate_string(client, translation, "About us", "Quiénes somos")
    assert_done(client.post(submit))
    client.force_login(team["translation_reviewer"])
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    live_revision = spanish_page.live_revision

    # The translator rewrites the title and submits it: readers still read the approved one.
    client.force_login(team["translator"])
    translate_string(client, translation, "About us", "Sobre nosotros")
    assert_done(client.post(submit))
    spanish_page.refresh_from_db()
    assert spanish_page.workflow_in_progress
    assert (spanish_page.title, spanish_page.live_revision) == ("Quiénes somos", live_revision)
    assert spanish_page.has_unpublished_changes
    assert spanish_page.draft_title == "Sobre nosotros"
    assert spanish_page.get_latest_revision_as_object().title == "Sobre nosotros"
    html = hcp_client.get(spanish_page.get_url()).text
    assert "Quiénes somos</h1>" in html
    assert "Sobre nosotros" not in html

    client.force_login(team["translation_reviewer"])
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    assert spanish_page.title == "Sobre nosotros"
    assert not spanish_page.has_unpublished_changes
    assert "Sobre nosotros</h1>" in hcp_client.get(spanish_page.get_url()).text
