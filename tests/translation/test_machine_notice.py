"""The machine-translation notice on published translations."""

from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.models import StringSegment

from hub_site.translation.drafts import save_translation_draft
from hub_site.translation.models import MachineTranslationNotice, RevisionMachineText
from tests.publishing import publish_certified
from tests.translation.helpers import (
    machine_translate,
    start_translation,
    translate_string,
    translation_into,
)

# The built-in wording (no notice snippet), in the Spanish reader's language: "Translations
# are machine generated, so may not be an exact or complete translation" (hub_site/locale).
BUILT_IN = "Las traducciones se generan automáticamente, por lo que pueden no ser exactas"


def publish_spanish(client, team, english_page, *, human_strings=()):
    """A Spanish translation made by machine, with some strings rewritten by a translator."""
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    machine_translate(client, translation)
    for source_text, translated_text in human_strings:
        translate_string(client, translation, source_text, translated_text)
    return publish_draft(spanish_page, translation, team["translator"])


def publish_draft(spanish_page, translation, translator):
    """As submitting and the translation review's last approval do: a draft revision is made
    from the strings, and goes live."""
    save_translation_draft(translation, translator)
    spanish_page.refresh_from_db()
    publish_certified(spanish_page.get_latest_revision())
    spanish_page.refresh_from_db()
    assert spanish_page.live
    return spanish_page


def test_machine_text_is_disclosed(client, hcp_client, team, english_page, libretranslate):
    spanish_page = publish_spanish(
        client, team, english_page, human_strings=[("About us", "Quiénes somos")]
    )
    response = hcp_client.get(spanish_page.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="machine-translation-notice"' in html
    assert BUILT_IN in html
    assert "y The ALL Hub no puede garantizar la exactitud" in html
    # At the top of the page's main content.
    assert html.index("machine-translation-notice") < html.index("Quiénes somos</h1>")

    # The English original carries no notice.
    assert (
        "machine-translation-notice" not in hcp_client.get(english_page.get_url()).content.decode()
    )


def test_fully_human_edited_translation_is_not_disclosed(
    client, hcp_client, team, english_page, libretranslate
):
    spanish_page = publish_spanish(
        client,
        team,
        english_page,
        human_strings=[
            ("About us", "Quiénes somos"),
            ("Welcome, patients", "Bienvenidos, pacientes"),
        ],
    )
    html = hcp_client.get(spanish_page.get_url()).content.decode()
    assert "Bienvenidos, pacientes" in html
    assert "machine-translation-notice" not in html


def test_notice_is_editable_and_translated(client, hcp_client, team, english_page, libretranslate):
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get(language_code="es")
    notice = MachineTranslationNotice.objects.create(
        locale=english, text="Machine translated: check the English original."
    )
    notice.save_revision().publish()
    spanish_page = publish_spanish(client, team, english_page)

    # Falls back to the default language's notice while there is no Spanish one.
    assert "check the English original" in hcp_client.get(spanish_page.get_url()).content.decode()

    spanish_notice = notice.copy_for_translation(spanish)
    spanish_notice.text = "Traducción automática: consulte el original en inglés."
    spanish_notice.save()
    spanish_notice.save_revision().publish()
    html = hcp_client.get(spanish_page.get_url()).content.decode()
    assert "consulte el original en inglés" in html
    assert "check the English original" not in html


def test_deciding_costs_one_query_and_is_cached_per_revision(
    client, team, english_page, libretranslate, django_assert_num_queries
):
    spanish_page = publish_spanish(client, team, english_page)
    template = Template("{% load hub_translation_tags %}{% machine_translation_notice page %}")
    with translation.override("es"):
        with django_assert_num_queries(2):  # the decision, then the notice's text
            assert BUILT_IN in template.render(Context({"page": spanish_page}))
        with django_assert_num_queries(1):  # decision cached; only the notice's text
            template.render(Context({"page": spanish_page}))
    with translation.override("en"), django_assert_num_queries(0):
        assert template.render(Context({"page": english_page})).strip() == ""
    assert template.render(Context({})).strip() == ""


def notice_shown(hcp_client, page):
    return "machine-translation-notice" in hcp_client.get(page.get_url()).text


def test_the_notice_follows_the_live_revision(
    client, hcp_client, team, english_page, libretranslate
):
    spanish_page = publish_spanish(
        client, team, english_page, human_strings=[("About us", "Quiénes somos")]
    )
    translation = translation_into(english_page, "es")
    assert notice_shown(hcp_client, spanish_page)

    # The translator rewrites the machine text: a draft, which readers do not see yet, and
    # neither its text nor the end of the notice reaches them when it is submitted.
    translate_string(client, translation, "Welcome, patients", "Bienvenidos, pacientes")
    assert notice_shown(hcp_client, spanish_page)
    save_translation_draft(translation, team["translator"])
    html = hcp_client.get(spanish_page.get_url()).text
    assert "machine-translation-notice" in html
    assert "Bienvenidos, pacientes" not in html

    # Published, the edited translation has no machine text left.
    spanish_page.refresh_from_db()
    publish_certified(spanish_page.get_latest_revision())
    html = hcp_client.get(spanish_page.get_url()).text
    assert "Bienvenidos, pacientes" in html
    assert "machine-translation-notice" not in html

    # Machine text added to the draft does not bring the notice back before it is published.
    client.delete(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=(
                translation.pk,
                StringSegment.objects.get(
                    source=translation.source, string__data="Welcome, patients"
                ).pk,
            ),
        )
    )
    machine_translate(client, translation)
    save_translation_draft(translation, team["translator"])
    assert not notice_shown(hcp_client, spanish_page)
    spanish_page.refresh_from_db()
    publish_certified(spanish_page.get_latest_revision())
    assert notice_shown(hcp_client, spanish_page)


def test_a_page_published_before_revisions_were_recorded_is_judged_by_its_strings(
    client, hcp_client, team, english_page, libretranslate
):
    spanish_page = publish_spanish(client, team, english_page)
    RevisionMachineText.objects.all().delete()
    cache.clear()
    assert notice_shown(hcp_client, spanish_page)

    translation = translation_into(english_page, "es")
    translate_string(client, translation, "About us", "Quiénes somos")
    translate_string(client, translation, "Welcome, patients", "Bienvenidos, pacientes")
    cache.clear()
    assert not notice_shown(hcp_client, spanish_page)
