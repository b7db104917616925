"""Reader pages under /es/ and /fr/ speak the reader's language in their interface strings
(the gettext catalogues), whatever language the editable content is in."""

import pytest

from wagtail.models import Site

from hub_site.demo.surveys import load_surveys
from tests.i18n.conftest import translate


def assert_shows(page, translated, instead_of):
    """The page shows every translated text, and none of the English ``instead_of``."""
    for text in translated:
        assert text in page
    for text in instead_of:
        assert text not in page


@pytest.fixture
def demo_survey_and_poll(db):
    """The demo's feedback survey and poll (English), as `make demo` loads them."""
    return load_surveys(Site.objects.get(is_default_site=True).root_page.specific)


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        (
            "es",
            ["Saltar al contenido principal", "Si es usted paciente o cuidador, visite"],
            ["Skip to main content", "If you are a patient or carer"],
        ),
        (
            "fr",
            ["Aller au contenu principal", "Si vous êtes un patient ou un aidant"],
            ["Skip to main content", "If you are a patient or carer"],
        ),
    ],
)
def test_the_gate_labels_are_in_the_reader_language(client, db, language, expected, english):
    response = client.get(f"/{language}/hcp-confirm/", {"next": f"/{language}/"})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert_shows(page, expected, instead_of=english)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "es",
            ["<h1>Buscar artículos</h1>", "Palabras que desea buscar", ">Buscar</button>"],
        ),
        (
            "fr",
            ["<h1>Rechercher des articles</h1>", "Mots à rechercher", ">Rechercher</button>"],
        ),
    ],
)
def test_the_search_page_is_in_the_reader_language(hcp_client, db, language, expected):
    page = hcp_client.get(f"/{language}/search/", {"q": "zzzz"}).content.decode()

    assert_shows(page, expected, instead_of=["Search articles"])
    summary = {"es": "0 artículos coinciden con «zzzz».", "fr": "0 article correspond à « zzzz »."}
    assert summary[language] in page


def test_poll_messages_and_errors_are_in_the_reader_language(hcp_client, demo_survey_and_poll):
    _survey, poll = demo_survey_and_poll
    spanish_poll = translate(poll, "es")["es"]

    refused = hcp_client.post(spanish_poll.url, {})
    assert "Su voto no se ha contabilizado. Elija una de las respuestas." in refused.text

    choice = spanish_poll.choices.first()
    hcp_client.post(spanish_poll.url, {"choice": choice.pk})
    page = hcp_client.get(spanish_poll.url).text
    assert_shows(
        page,
        ["Gracias por votar.", "100% (1 voto)", "1 voto en total."],
        instead_of=["Thank you for voting."],
    )


def test_the_survey_form_is_in_the_reader_language(hcp_client, demo_survey_and_poll):
    survey, _poll = demo_survey_and_poll
    french_survey = translate(survey, "fr")["fr"]

    page = hcp_client.get(french_survey.url).text

    assert_shows(
        page,
        [">Envoyer mon avis</button>", "Tout à fait d’accord", "Pas du tout d’accord"],
        instead_of=["Strongly agree"],
    )
