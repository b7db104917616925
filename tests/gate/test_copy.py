"""The interstitial's words: edited in the CMS, translated per locale, always present."""

import pytest

from django.contrib.auth.models import User
from django.urls import reverse

from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import nested_form_data
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    Translation,
    TranslationSource,
)

from hub_site.demo.gate import SEED_GATE_COPY
from hub_site.gate.models import GateCopy, HcpGateSettings
from tests.gate.helpers import gate_location
from tests.localize import translate_segments
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db

SPANISH = {
    "heading": "Solo para profesionales sanitarios",
    "statement": (
        "Todo el contenido de este sitio está dirigido exclusivamente a profesionales "
        "sanitarios. Al aceptar este mensaje y acceder a la información de este sitio web, "
        "confirma que es usted un profesional sanitario."
    ),
    "confirm_label": "Soy profesional sanitario",
    "patient_label": "Soy paciente o cuidador",
    "patient_site_name": "Know ALL en español",
    "withdraw_label": "No soy profesional sanitario",
}
SPANISH_PATIENT_SITE = "https://www.knowall.org/es/"


def translate_with_wagtail_localize(copy, locale, strings, overrides=None):
    """Translate ``copy`` as a translator does in wagtail-localize's editor, then publish."""
    source, _created = TranslationSource.get_or_create_from_instance(copy)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translate_segments(source, locale, lambda segment: strings[segment.context.path])
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if segment.context.path in (overrides or {}):
            SegmentOverride.objects.create(
                locale=locale,
                context=segment.context,
                data_json=f'"{overrides[segment.context.path]}"',
            )
    translation.save_target(publish=True)
    return copy.get_translation(locale)


def gate_for(client, language, asked_for):
    redirect = client.get(asked_for)
    assert redirect["Location"] == gate_location(language, asked_for)
    return client.get(redirect["Location"])


def test_without_any_copy_the_gate_still_shows_the_seed_wording(client, gated_page):
    response = gate_for(client, "en", "/en/about/")

    assert response.status_code == 200
    assert "All content on this site is intended for healthcare professionals only." in (
        response.text
    )
    assert "I am a healthcare professional" in response.text
    assert "I am a patient or carer" in response.text
    assert "Know ALL" in response.text


def test_the_gate_shows_the_copy_editors_published(client, gate_copy, gated_page):
    gate_copy.statement = "Edited: for healthcare professionals only."
    publish_certified(gate_copy.save_revision())

    response = gate_for(client, "en", "/en/about/")

    assert "Edited: for healthcare professionals only." in response.text
    assert response.context["copy"].pk == gate_copy.pk


def test_the_gate_is_shown_in_spanish_for_spanish_urls(client, gate_copy, gated_page, spanish):
    translate_with_wagtail_localize(
        gate_copy, spanish, SPANISH, overrides={"patient_site_url": SPANISH_PATIENT_SITE}
    )

    response = gate_for(client, "es", "/es/about/")

    assert response.status_code == 200
    assert '<html lang="es">' in response.text
    assert '<section class="hcp-gate" aria-labelledby="hcp-gate-heading">' in response.text
    for text in SPANISH.values():
        if text != SPANISH["withdraw_label"]:  # the footer shows it to confirmed readers
            assert text in response.text
    assert f'href="{SPANISH_PATIENT_SITE}"' in response.text
    assert SEED_GATE_COPY["statement"] not in response.text


def test_a_language_without_its_own_copy_falls_back_to_english_marked_as_english(
    client, gate_copy, gated_page
):
    response = gate_for(client, "fr", "/fr/about/")

    assert '<html lang="fr">' in response.text
    assert 'aria-labelledby="hcp-gate-heading" lang="en"' in response.text
    assert SEED_GATE_COPY["statement"] in response.text


def test_an_unpublished_translation_is_not_shown(client, gate_copy, gated_page, spanish):
    spanish_copy = translate_with_wagtail_localize(gate_copy, spanish, SPANISH)
    spanish_copy.unpublish()

    response = gate_for(client, "es", "/es/about/")

    assert SEED_GATE_COPY["statement"] in response.text
    assert SPANISH["statement"] not in response.text


def test_wagtail_localize_translates_the_words_and_synchronises_the_patient_url(gate_copy):
    source, _created = TranslationSource.get_or_create_from_instance(gate_copy)

    translated = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    overridable = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )

    assert translated == set(SPANISH)
    assert overridable == {"patient_site_url"}


def test_a_translation_keeps_the_patient_url_unless_the_translator_overrides_it(gate_copy, spanish):
    spanish_copy = translate_with_wagtail_localize(gate_copy, spanish, SPANISH)

    assert spanish_copy.patient_site_url == gate_copy.patient_site_url
    assert spanish_copy.statement == SPANISH["statement"]
    assert spanish_copy.live


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", password="pw"))
    return client


def copy_form(**changes):
    return nested_form_data({**SEED_GATE_COPY, **changes})


def test_editors_change_the_copy_in_the_cms(admin_client, gate_copy):
    url = reverse("wagtailsnippets_hub_gate_gatecopy:edit", args=[gate_copy.pk])
    form = copy_form(statement="Changed in the CMS.", **{"action-publish": "action-publish"})

    response = admin_client.post(url, form)

    assert response.status_code == 302
    gate_copy.refresh_from_db()
    assert gate_copy.statement == "Changed in the CMS."
    assert gate_copy.live and not gate_copy.has_unpublished_changes


def test_a_draft_is_not_shown_until_it_is_published(admin_client, client, gate_copy):
    url = reverse("wagtailsnippets_hub_gate_gatecopy:edit", args=[gate_copy.pk])
    admin_client.post(url, copy_form(statement="Draft wording."))
    admin_client.logout()

    response = client.get("/en/hcp-confirm/")

    assert "Draft wording." not in response.text
    assert SEED_GATE_COPY["statement"] in response.text


def test_a_second_copy_for_the_same_language_is_refused_with_a_message(admin_client, gate_copy):
    url = reverse("wagtailsnippets_hub_gate_gatecopy:add") + "?locale=en"

    response = admin_client.post(url, copy_form(heading="Another"))

    assert response.status_code == 200
    assert "This language already has HCP gate copy" in response.text
    assert GateCopy.objects.count() == 1


def test_editors_preview_the_gate_before_publishing(admin_client, gate_copy):
    url = reverse("wagtailsnippets_hub_gate_gatecopy:preview_on_edit", args=[gate_copy.pk])

    assert admin_client.post(url, copy_form(heading="Preview heading")).json()["is_valid"]
    response = admin_client.get(url)

    assert response.status_code == 200
    assert '<h1 id="hcp-gate-heading">Preview heading</h1>' in response.text


def test_editors_change_the_confirmation_lifetime_in_the_cms(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["hub_gate", "hcpgatesettings", site.pk])

    assert admin_client.post(url, {"cookie_lifetime_days": "0"}).status_code == 200
    assert HcpGateSettings.for_site(site).cookie_lifetime_days == 30
    assert admin_client.post(url, {"cookie_lifetime_days": "14"}).status_code == 302
    assert HcpGateSettings.for_site(site).cookie_lifetime_days == 14


def test_the_demo_loader_creates_the_english_copy_once(gate_copy):
    from hub_site.demo.gate import load_gate_copy

    again = load_gate_copy()

    assert again.pk == gate_copy.pk
    assert GateCopy.objects.get().locale == Locale.get_default()
    assert again.latest_revision_id == gate_copy.latest_revision_id
    for field, value in SEED_GATE_COPY.items():
        assert getattr(again, field) == value
