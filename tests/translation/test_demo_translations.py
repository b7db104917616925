"""load_demo publishes the demo in Spanish and French through wagtail-localize."""

import os

import pytest
from bs4 import BeautifulSoup

from django.apps import apps
from django.core.management import call_command
from django.test import Client

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from articles.models import ArticlePage, Topic
from home.models import SponsorshipLevel
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.translated_strings import DEMO_MARK
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from hub_site.gate.models import GateCopy
from hub_site.translation.machine_notice import notice_text
from hub_site.translation.models import MachineTranslationNotice
from surveys.models import PollPage
from tests.translation.helpers import translation_into

SEED_ARTICLE = f"articles/{SEED_ARTICLE_SLUG}/"
# Words a reader sees on each page, in each language.
EXPECTED = {
    "es": {
        "": ["Una plataforma independiente de formación médica", "Más información"],
        "articles/": ["Artículos", "TPH alogénico en RC2"],
        SEED_ARTICLE: [
            "TPH alogénico en RC2 en adolescentes y adultos jóvenes con LLA",
            "fueron del 53% y el 46%",
            "p\u00a0&lt;\u00a00.001",
            "Indique su grado de acuerdo con las siguientes afirmaciones:",
            "El contenido era claro y fácil de entender",
            "El contenido respondió a los objetivos de aprendizaje",
            "El contenido era pertinente para mi práctica",
            "Cambiaré mi práctica clínica como resultado de este contenido",
            "¿Qué opina de incorporar el blinatumomab",
            "Muy positiva",
        ],
        "funders/": ["Financiadores", "Platino", "Una empresa biotecnológica"],
    },
    "fr": {
        "": ["Une plateforme indépendante de formation médicale", "En savoir plus"],
        "articles/": ["Résumés des nouvelles recherches", "Allogreffe de CSH en RC2"],
        SEED_ARTICLE: [
            "Allogreffe de CSH en RC2 chez les AJA atteints de LAL",
            "respectivement de 53% et 46%",
            "Veuillez indiquer votre degré d’accord avec les affirmations suivantes :",
            "Le contenu était clair et facile à comprendre",
            "Le contenu répondait aux objectifs pédagogiques",
            "Le contenu était pertinent pour ma pratique",
            "Je modifierai ma pratique clinique grâce à ce contenu",
            "Que pensez-vous de l’intégration du blinatumomab",
            "Très positive",
        ],
        "funders/": ["Financeurs", "Platine", "Une entreprise de biotechnologie"],
    },
}
TRANSLATED_PAGE_TYPES = {
    "homepage",
    "articleindexpage",
    "articlepage",
    "surveypage",
    "pollpage",
    "quizpage",
    "funderindexpage",
    "funderpage",
}


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def load_demo():
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def confirmed_reader(address):
    reader = Client(REMOTE_ADDR=address)
    reader.cookies[COOKIE_NAME] = signed_confirmation()
    return reader


@pytest.mark.usefixtures("demo_content")
@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_demo_pages_are_served_translated(hcp_client, language):
    for path, words in EXPECTED[language].items():
        response = hcp_client.get(f"/{language}/{path}")

        assert response.status_code == 200, path
        assert response.headers["Content-Language"] == language
        for text in words:
            assert text in response.text, (path, text)


def assert_translated_by_a_translator(instance, locale):
    """A Translation, and a translator's string for every segment: the translation editor
    shows it complete."""
    translation = translation_into(instance, locale.language_code)
    assert translation.enabled
    segments = StringSegment.objects.filter(source=translation.source)
    translated = StringTranslation.objects.filter(
        locale=locale,
        translation_of__in=segments.values("string"),
        context__in=segments.values("context"),
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    assert translated.count() == segments.count() > 0, instance


@pytest.mark.usefixtures("demo_content")
def test_every_translated_page_is_published_marked_as_demo_and_made_by_wagtail_localize():
    for language in ("es", "fr"):
        locale = Locale.objects.get(language_code=language)
        pages = Page.objects.filter(locale=locale)

        assert {page.content_type.model for page in pages} == TRANSLATED_PAGE_TYPES
        for page in pages.specific():
            assert page.live and not page.has_unpublished_changes, page
            assert page.search_description.endswith(DEMO_MARK[language]), page
            assert_translated_by_a_translator(page, locale)


@pytest.mark.usefixtures("demo_content")
def test_the_snippets_readers_see_are_published_in_spanish_and_french():
    for language in ("es", "fr"):
        locale = Locale.objects.get(language_code=language)
        snippets = [
            *Topic.objects.filter(locale=locale),
            *SponsorshipLevel.objects.filter(locale=locale),
            GateCopy.objects.get(locale=locale),
            MachineTranslationNotice.objects.get(locale=locale),
        ]

        assert len(snippets) == 5 + 4 + 1 + 1
        for snippet in snippets:
            assert snippet.live and not snippet.has_unpublished_changes, snippet
            assert_translated_by_a_translator(snippet, locale)
    assert notice_text(Locale.objects.get(language_code="es").pk).startswith(
        "Las traducciones se generan automáticamente"
    )


@pytest.mark.usefixtures("demo_content")
def test_translators_open_the_demo_translation_in_the_translation_editor(admin_client):
    article = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale__language_code="es")

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    assert response.status_code == 200
    assert "js-translation-editor" in response.text


@pytest.mark.usefixtures("demo_content")
def test_an_unconfirmed_reader_gets_the_spanish_gate_and_the_article_shows_spanish_topics(
    client, hcp_client
):
    gate = client.get(f"/es/{SEED_ARTICLE}", follow=True)
    article = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale__language_code="es")
    page = BeautifulSoup(hcp_client.get(f"/es/{SEED_ARTICLE}").content, "html.parser")

    assert gate.redirect_chain[-1][0].startswith("/es/hcp-confirm/")
    assert "Solo para profesionales sanitarios" in gate.text
    assert "Todo el contenido de este sitio está dirigido exclusivamente" in gate.text
    assert "Soy profesional sanitario" in gate.text
    assert "Soy paciente o cuidador" in gate.text
    assert [topic.name for topic in article.live_topics] == [
        "Trasplante",
        "ERM",
        "Adolescentes y adultos jóvenes",
    ]
    assert all(topic.locale.language_code == "es" for topic in article.live_topics)
    shown = page.get_text()
    assert "Trasplante" in shown and "Adolescentes y adultos jóvenes" in shown


@pytest.mark.usefixtures("demo_content")
def test_the_spanish_footer_lists_the_funders_as_a_spanish_list(hcp_client):
    footer = BeautifulSoup(hcp_client.get("/es/").content, "html.parser").select_one(
        "footer .funder-disclosure__sentence"
    )

    assert "patrocinada por Amgen, Autolus, Jazz Pharmaceuticals y Pfizer y " in footer.text
    assert "de Hippocrate Conference Institute, una asociación del Grupo Servier." in footer.text


@pytest.mark.usefixtures("demo_content")
def test_loading_the_demo_again_changes_nothing():
    first = row_counts()
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}

    load_demo()

    assert row_counts() == first
    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == revisions


@pytest.mark.usefixtures("demo_content")
def test_seed_poll_results_per_language_and_together(admin_client):
    english = PollPage.objects.get(locale__language_code="en")
    spanish = PollPage.objects.get(locale__language_code="es")
    # Two readers: one vote per reader, whichever language version they vote in.
    readers = {english: confirmed_reader("10.0.0.1"), spanish: confirmed_reader("10.0.0.2")}
    url = f"/admin/survey-results/{english.pk}/"

    def totals():
        # The demo's fictional readers voted already.
        return [
            admin_client.get(url, filters).context["total"]
            for filters in ({}, {"locale": "en"}, {"locale": "es"})
        ]

    before = totals()
    for poll, reader in readers.items():
        choice = poll.choices.first()
        assert reader.post(poll.url, {"choice": choice.pk}).status_code == 303

    together, in_english, in_spanish = totals()
    assert together == before[0] + 2
    assert in_english == before[1] + 1
    assert in_spanish == before[2] + 1


@pytest.mark.usefixtures("demo_content")
def test_the_demo_translations_keep_the_glossary_and_fill_the_memory():
    from hub_site.translation.glossary import glossary_warnings
    from hub_site.translation.models import GlossaryTerm, TranslationMemoryEntry

    assert GlossaryTerm.objects.filter(
        target_locale__language_code="es", source_term="relapse"
    ).exists()
    for language_code in ("es", "fr"):
        article = ArticlePage.objects.get(
            slug=SEED_ARTICLE_SLUG, locale__language_code=language_code
        )
        translation = translation_into(article, language_code)
        assert glossary_warnings(translation) == []
        # Published translations are the memory's entries.
        assert TranslationMemoryEntry.objects.filter(target_locale=article.locale).exists()
