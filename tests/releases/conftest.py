"""An English page translated into Spanish and French, live in the three languages, with
the editorial team; and the steps of a correction through the admin's own URLs."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale

from hub_site.translation.drafts import save_translation_draft
from tests.kept_rows import kept
from tests.page_editor import submit_standard_page
from tests.publishing import publish_certified
from tests.translation.helpers import (
    publish_english_page,
    start_translation,
    translate_string,
    translation_into,
)
from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures
from tests.workflows.test_editorial_workflow import act, assert_done

LANGUAGES = {"es": ("Dosis: 10 mg al día", "Sobre"), "fr": ("Dose : 10 mg par jour", "À propos")}


@pytest.fixture
@kept
def translated_page(team):  # noqa: F811 - the fixture
    """ "Dose: 10 mg a day", live in English, Spanish and French, translated by a site
    manager through wagtail-localize's own URLs."""
    manager = Client()
    manager.force_login(team["manager"])
    page = publish_english_page("About", "about-dose", "Dose: 10 mg a day")
    for code, (intro, title) in LANGUAGES.items():
        target, translation = start_translation(manager, page, code)
        translate_string(manager, translation, "About", title)
        translate_string(manager, translation, "Dose: 10 mg a day", intro)
        save_translation_draft(translation, team["translator"])
        target.refresh_from_db()
        publish_certified(target.get_latest_revision())
    manager.logout()
    return page


def translated(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


def submit_correction(client, people, page, intro):
    """The editor changes the intro and submits; both reviewers approve."""
    client.force_login(people["editor"])
    response = submit_standard_page(client, page, intro, page.specific.body or "")
    assert response.status_code == 302, response.content[:2000]
    for reviewer in ("medical", "compliance"):
        client.force_login(people[reviewer])
        assert_done(act(client, page, "approve"))


def translate_and_approve(client, people, page, code, source_text, text):
    """The translator translates the changed segment and submits; the reviewer approves."""
    translation = translation_into(page, code)
    client.force_login(people["translator"])
    assert translate_string(client, translation, source_text, text).status_code in (200, 201)
    target = translated(page, code)
    assert_done(client.post(reverse("hub_workflows:submit_translation", args=(target.pk,))))
    client.force_login(people["translation_reviewer"])
    assert_done(act(client, target, "approve"))
