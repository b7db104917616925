"""Machine translation through wagtail-localize's translator interface."""

import json
from html import unescape

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import settings.base as base_settings
from hub_site.translation.config import machine_translator_setting
from hub_site.translation.machine import (
    LibreTranslateTranslator,
    MachineTranslationUnavailable,
)
from tests.support.libretranslate import fake_translate
from tests.translation.helpers import machine_translate, start_translation, translate_string


def editor_props(response):
    """The props wagtail-localize's React translation editor is rendered with."""
    page = response.content.decode()
    marker = 'data-props="'
    start = page.index(marker) + len(marker)
    return json.loads(unescape(page[start : page.index('"', start)]))


def test_machine_translation_fills_a_spanish_draft(client, team, english_page, libretranslate):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    assert editor_props(editor)["machineTranslator"] == {
        "name": "LibreTranslate",
        "url": reverse("wagtail_localize:machine_translate", args=(translation.pk,)),
    }

    response = machine_translate(client, translation, next_url="/admin/pages/")
    # The work went on the queue (here run at once): the "being prepared" page, already
    # done, opens the editor.
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == "/admin/pages/"

    spanish = Locale.objects.get(language_code="es")
    machine_strings = StringTranslation.objects.filter(
        locale=spanish, context__object_id=english_page.translation_key
    )
    assert {s.data for s in machine_strings} == {
        "[es] Acerca de nosotros",
        "[es] Bienvenido, pacientes",
    }
    assert {s.translation_type for s in machine_strings} == {
        StringTranslation.TRANSLATION_TYPE_MACHINE
    }

    # The request LibreTranslate received is its real API: a list of HTML strings.
    posted = [payload for method, path, payload in libretranslate.requests if method == "POST"]
    assert posted[0]["source"] == "en"
    assert posted[0]["target"] == "es"
    assert posted[0]["format"] == "html"
    assert posted[0]["api_key"] == "test-key"
    assert sorted(posted[0]["q"]) == ["About us", "Welcome, patients"]

    # The draft is filled: saving the target (as submitting for review does) carries the text.
    translation.save_target(user=team["translator"], publish=False)
    spanish_page.refresh_from_db()
    draft = spanish_page.get_latest_revision_as_object()
    assert draft.title == "[es] Acerca de nosotros"
    assert draft.intro == "[es] Bienvenido, pacientes"


def test_machine_translation_keeps_strings_a_translator_wrote(
    client, team, english_page, libretranslate
):
    client.force_login(team["translator"])
    _, translation = start_translation(client, english_page)
    translate_string(client, translation, "About us", "Quiénes somos")

    machine_translate(client, translation)
    title = StringTranslation.objects.get(
        translation_of__data="About us", locale=translation.target_locale
    )
    assert title.data == "Quiénes somos"
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL


def test_without_a_configured_service_there_is_no_button(client, team, english_page, settings):
    if hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"):
        del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    assert editor_props(editor)["machineTranslator"] is None
    # wagtail-localize answers 404 (which LocaleMiddleware turns into a redirect to a
    # language-prefixed URL); nothing is translated.
    response = machine_translate(client, translation, next_url="/admin/pages/")
    assert response.get("Location") != "/admin/pages/"
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


def test_base_settings_leave_the_translator_unset_without_environment():
    assert machine_translator_setting() is None
    # The settings module itself, not django.conf.settings, which another test in the same
    # worker may be overriding.
    assert not hasattr(base_settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


@pytest.mark.parametrize(
    ("environment", "translator_class", "options"),
    [
        (
            {"deepl_api_key": "abc:fx", "libretranslate_url": "http://lt"},
            "hub_site.translation.deepl.GlossaryDeepLTranslator",
            {"AUTH_KEY": "abc:fx"},
        ),
        (
            {"google_project_id": "hub-123", "google_credentials_path": "/run/key.json"},
            "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
            {"PROJECT_ID": "hub-123", "CREDENTIALS_PATH": "/run/key.json"},
        ),
        (
            {"libretranslate_url": "http://lt.internal:5000/", "libretranslate_api_key": "k"},
            "hub_site.translation.machine.LibreTranslateTranslator",
            {"URL": "http://lt.internal:5000", "API_KEY": "k"},
        ),
    ],
)
def test_environment_chooses_the_translator(environment, translator_class, options):
    assert machine_translator_setting(**environment) == {
        "CLASS": translator_class,
        "OPTIONS": options,
    }


def test_translator_offers_only_the_servers_language_pairs(libretranslate_server):
    translator = LibreTranslateTranslator({"URL": libretranslate_server.url, "API_KEY": "test-key"})
    english, spanish = Locale(language_code="en"), Locale(language_code="es")
    assert translator.can_translate(english, spanish)
    assert translator.can_translate(Locale(language_code="pt-br"), spanish)
    assert not translator.can_translate(english, Locale(language_code="en-gb"))
    assert not translator.can_translate(english, Locale(language_code="ja"))


def test_translator_reports_a_failing_service(libretranslate_server):
    translator = LibreTranslateTranslator({"URL": libretranslate_server.url, "API_KEY": "wrong"})
    with pytest.raises(MachineTranslationUnavailable):
        translator.translate_texts("en", "es", ["Hello"])
    libretranslate_server.failing = True
    assert not LibreTranslateTranslator({"URL": libretranslate_server.url}).can_translate(
        Locale(language_code="en"), Locale(language_code="es")
    )


def test_machine_translation_with_the_service_down_changes_nothing(
    client, team, english_page, libretranslate
):
    client.force_login(team["translator"])
    _, translation = start_translation(client, english_page)
    # The editor has listed the server's languages (cached); then the server fails.
    LibreTranslateTranslator({"URL": libretranslate.url, "API_KEY": "test-key"}).languages()
    libretranslate.failing = True
    response = machine_translate(client, translation)
    assert response.status_code == 302
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


def test_loopback_server_keeps_html_tags():
    assert fake_translate("<p>The <b>patients</b></p>", "es") == "<p>[es] El <b>pacientes</b></p>"
