"""What the translation review and the certificate ask of a translation's text."""

import json
from datetime import datetime

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from wagtail.models import Locale
from wagtail_localize.models import SegmentOverride, TranslationContext

from hub_site.translation.approval import (
    number_confirmations,
    translation_blockers,
    translators_since,
)
from hub_site.workflows import roles
from tests.translation.helpers import (
    confirm_figures,
    number_check_url,
    start_translation,
    translate_figures_page,
    translate_string,
)


def test_untranslated_segments_block_approval(client, team, english_page):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)

    assert translation_blockers(spanish_page) == ["2 of 2 text segments are not translated yet."]
    translate_string(client, translation, "About us", "Quiénes somos")
    assert translation_blockers(spanish_page) == ["1 of 2 text segments is not translated yet."]
    with override("es"):
        assert translation_blockers(spanish_page) == [
            "1 de 2 segmentos de texto aún no está traducido."
        ]
    translate_string(client, translation, "Welcome, patients", "Bienvenidos, pacientes")
    assert translation_blockers(spanish_page) == []


def test_objects_that_are_not_translations_have_no_blockers(client, team, english_page):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    translate_string(client, translation, "About us", "Quiénes somos")

    assert translation_blockers(english_page) == []
    assert translators_since(english_page, None) == set()
    assert number_confirmations(english_page) == []

    # "Stop synced translation": the page is edited on its own, as any Spanish page.
    translation.enabled = False
    translation.save()
    assert translation_blockers(spanish_page) == []
    assert translators_since(spanish_page, None) == set()


def test_submitting_with_untranslated_segments_is_refused(client, team, english_page):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    translate_string(client, translation, "About us", "Quiénes somos")

    response = client.post(reverse("hub_workflows:submit_translation", args=(spanish_page.pk,)))

    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,))
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("1 of 2 text segments is not translated yet." in m for m in messages)
    spanish_page.refresh_from_db()
    assert not spanish_page.workflow_in_progress
    assert spanish_page.get_latest_revision().content["title"] == "About us"


def test_figures_unconfirmed_block_approval(client, team, figures_page):
    spanish_page, _translation = translate_figures_page(client, team["translator"], figures_page)

    assert translation_blockers(spanish_page) == [
        "The figures in 1 segment differ from the original and nobody other than its "
        "translator has confirmed them: “53% and 46%” → “53% y 64%”."
    ]


def test_translators_since(client, team, make_user, english_page):
    second_translator = make_user("translator-2", roles.TRANSLATORS)
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    translate_string(client, translation, "About us", "Quiénes somos")
    between = timezone.now()
    client.force_login(second_translator)
    translate_string(client, translation, "Welcome, patients", "Bienvenidos, pacientes")

    assert translators_since(spanish_page, None) == {team["translator"].pk, second_translator.pk}
    assert translators_since(spanish_page, between) == {second_translator.pk}
    assert translators_since(spanish_page, timezone.now()) == set()

    # An image or other value replaced in the translation counts as translating it.
    SegmentOverride.objects.create(
        locale=Locale.objects.get(language_code="es"),
        context=TranslationContext.objects.filter(object_id=english_page.translation_key).first(),
        data_json=json.dumps("replacement"),
        last_translated_by=team["manager"],
    )
    assert translators_since(spanish_page, between) == {second_translator.pk, team["manager"].pk}

    # Another language's translators do not count.
    client.force_login(team["translator"])
    french_page, french = start_translation(client, english_page, "fr")
    translate_string(client, french, "About us", "À propos")
    assert translators_since(spanish_page, between) == {second_translator.pk, team["manager"].pk}
    assert translators_since(french_page, None) == {team["translator"].pk}


def test_number_confirmations_hold_for_the_current_text(client, team, figures_page):
    spanish_page, translation = translate_figures_page(client, team["translator"], figures_page)
    check_url = number_check_url(spanish_page)
    segment_id = client.get(check_url).context["flagged"][0].string_translation.pk
    assert number_confirmations(spanish_page) == []

    client.force_login(team["translation_reviewer"])
    confirm_figures(client, check_url, segment_id, reason="The source has a typo.")

    (confirmation,) = number_confirmations(spanish_page)
    assert json.loads(json.dumps(confirmation)) == confirmation
    assert {key: value for key, value in confirmation.items() if key != "confirmed_at"} == {
        "source_text": "53% and 46%",
        "translated_text": "53% y 64%",
        "confirmed_by": "translation-reviewer",
        "confirmed_by_id": team["translation_reviewer"].pk,
        "reason": "The source has a typo.",
    }
    assert datetime.fromisoformat(confirmation["confirmed_at"]) <= timezone.now()
    assert translation_blockers(spanish_page) == []

    # The translator changes the figure: the confirmation no longer applies.
    client.force_login(team["translator"])
    translate_string(client, translation, "53% and 46%", "53% y 65%")
    assert number_confirmations(spanish_page) == []
    assert len(translation_blockers(spanish_page)) == 1
