"""A reader's machine translation of a page, made on the server through the MT service."""

import csv
import io
import re
import socket

import pytest

from django.test import override_settings
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction

from hub_site.translation.models import MachineTranslationNotice, default_notice_text
from surveys.models import PollVote, SurveyResponse
from tests.articles.factories import home_page
from tests.downloads import rows_of_csv
from tests.i18n.conftest import translate
from tests.publishing import publish_certified
from tests.surveys.helpers import answers

UNAVAILABLE = "Machine translation is not available right now; showing the original."
NOINDEX = '<meta name="robots" content="noindex">'


def mt_url(page, language):
    return f"/{language}/machine-translation/{page.pk}/"


def translate_calls(server):
    return [payload for method, path, payload in server.requests if path == "/translate"]


def menu_links(html):
    menu = re.search(r'<details class="translate-menu">.*?</details>', html, re.S)
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)"', menu.group(0)) if menu else []


def publish_spanish_translation(page, title):
    """A human Spanish translation, published (wagtail-localize's "Translate" action)."""
    spanish = translate(page, "es")["es"]
    spanish.title = title
    publish_certified(spanish.save_revision())
    return spanish


def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_without_a_service_there_is_no_menu_and_no_translation(hcp_client, english_page, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

    html = hcp_client.get(english_page.url).text

    assert "About us" in html
    assert "translate-menu" not in html
    assert hcp_client.get(mt_url(english_page, "de")).status_code == 404


def test_menu_lists_the_languages_the_service_offers(hcp_client, english_page, libretranslate):
    publish_spanish_translation(english_page, "Quiénes somos")

    html = hcp_client.get(english_page.url).text

    # Every language the server offers and the site is configured for, except English (the
    # page's own) and Spanish (a human translation is published: the switcher leads there).
    assert menu_links(html) == [
        (mt_url(english_page, code), code) for code in ("fr", "de", "it", "pt")
    ]
    assert "<summary>Translate</summary>" in html
    assert 'rel="nofollow"' in html
    # The server was asked which languages it offers; nothing was translated yet.
    assert [path for _method, path, _payload in libretranslate.requests] == [
        "/languages?api_key=test-key"
    ]


def test_the_page_is_translated_through_the_service_with_the_disclaimer(
    hcp_client, english_page, libretranslate
):
    response = hcp_client.get(mt_url(english_page, "es"))

    assert response.status_code == 200
    html = response.text
    # The page's own template, its text translated by the loopback server.
    assert '<html lang="es">' in html
    assert "[es] Acerca de nosotros</h1>" in html
    assert "[es] Bienvenido, pacientes" in html
    assert "Welcome, patients" not in html
    (call,) = translate_calls(libretranslate)
    assert (call["source"], call["target"], call["format"]) == ("en", "es", "html")
    assert "About us" in call["q"] and "Welcome, patients" in call["q"]
    # The disclaimer (built in: no notice published yet) at the top of the main content.
    with translation.override("es"):
        disclaimer = default_notice_text()
    assert 'class="machine-translation-notice"' in html
    assert disclaimer in html
    assert html.index("machine-translation-notice") < html.index("[es] Acerca de nosotros</h1>")
    assert f'<a href="{english_page.url}">' in html  # back to the original
    # Never indexed, and never advertised as an alternate language version.
    assert NOINDEX in html
    assert response["X-Robots-Tag"] == "noindex"
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', html)
    assert not [url for url in alternates if "machine-translation" in url]


def test_the_disclaimer_is_the_editors_notice_in_the_readers_language(
    hcp_client, english_page, libretranslate
):
    notice = MachineTranslationNotice.objects.create(
        locale=Locale.objects.get(language_code="en"), text="Machine made: check the original."
    )
    notice.save_revision().publish()
    german = notice.copy_for_translation(Locale.objects.get(language_code="de"))
    german.text = "Maschinell übersetzt: bitte das Original prüfen."
    german.save()
    german.save_revision().publish()

    assert "Maschinell übersetzt" in hcp_client.get(mt_url(english_page, "de")).text
    # No French notice: the English one.
    assert "Machine made: check the original." in hcp_client.get(mt_url(english_page, "fr")).text


def test_the_translation_is_cached_per_revision_and_language(
    hcp_client, english_page, libretranslate
):
    first = hcp_client.get(mt_url(english_page, "es")).text
    second = hcp_client.get(mt_url(english_page, "es")).text

    assert "[es] Acerca de nosotros</h1>" in second
    assert first.count("[es]") == second.count("[es]")
    assert len(translate_calls(libretranslate)) == 1

    # Another language is another translation.
    hcp_client.get(mt_url(english_page, "fr"))
    assert len(translate_calls(libretranslate)) == 2

    # A new publication is translated afresh.
    english_page.intro = "Welcome, patients and carers"
    publish_certified(english_page.save_revision())
    html = hcp_client.get(mt_url(english_page, "es")).text
    assert "[es] Bienvenido, pacientes y carers" in html
    assert len(translate_calls(libretranslate)) == 3


def test_a_failing_service_gives_the_original_with_a_notice(
    hcp_client, english_page, libretranslate
):
    hcp_client.get(english_page.url)  # the menu has listed the server's languages
    libretranslate.failing = True

    response = hcp_client.get(mt_url(english_page, "de"))

    assert response.status_code == 200
    html = response.text
    assert "About us</h1>" in html
    assert "[de]" not in html
    with translation.override("de"):
        assert translation.gettext(UNAVAILABLE) in html
    assert NOINDEX in html

    # The failure was not kept as a translation: once the service is back, it translates.
    libretranslate.failing = False
    assert "[de] About us</h1>" in hcp_client.get(mt_url(english_page, "de")).text


@pytest.mark.parametrize("how", ["failing from the start", "nothing listening"])
def test_a_service_that_cannot_list_its_languages_gives_the_original(
    hcp_client, english_page, libretranslate, how
):
    if how == "failing from the start":
        libretranslate.failing = True
        setting = None
    else:
        setting = {
            "CLASS": "hub_site.translation.machine.LibreTranslateTranslator",
            "OPTIONS": {"URL": closed_port_url(), "TIMEOUT": 2},
        }
    with override_settings(**({"WAGTAILLOCALIZE_MACHINE_TRANSLATOR": setting} if setting else {})):
        page_html = hcp_client.get(english_page.url).text
        response = hcp_client.get(mt_url(english_page, "it"))

    assert "translate-menu" not in page_html  # nothing to offer while the service is down
    assert response.status_code == 200
    assert "About us</h1>" in response.text
    with translation.override("it"):
        assert translation.gettext(UNAVAILABLE) in response.text


def test_a_language_with_a_human_translation_redirects_to_it(
    hcp_client, english_page, libretranslate
):
    spanish = publish_spanish_translation(english_page, "Quiénes somos")

    assert hcp_client.get(mt_url(english_page, "es"))["Location"] == spanish.url
    assert hcp_client.get(mt_url(english_page, "en"))["Location"] == english_page.url
    assert translate_calls(libretranslate) == []


def test_unknown_languages_and_pages_are_not_found(hcp_client, english_page, libretranslate):
    # Not a language of this site: LocaleMiddleware adds a prefix to a path that is then missing.
    assert hcp_client.get(mt_url(english_page, "xx"), follow=True).status_code == 404
    assert hcp_client.get("/de/machine-translation/999999/").status_code == 404
    english_page.unpublish()
    assert hcp_client.get(mt_url(english_page, "de")).status_code == 404
    assert translate_calls(libretranslate) == []


def test_every_page_type_can_be_machine_translated(
    hcp_client, article, survey, poll, libretranslate
):
    for page in (home_page(), article.get_parent(), article, survey, poll):
        response = hcp_client.get(mt_url(page, "pt"))
        assert response.status_code == 200, page
        assert f"[pt] {page.title}" in response.text, page
        assert NOINDEX in response.text


def test_wagtails_page_privacy_applies(hcp_client, english_page, libretranslate):
    PageViewRestriction.objects.create(
        page=english_page, restriction_type=PageViewRestriction.LOGIN
    )

    response = hcp_client.get(mt_url(english_page, "de"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert "About us" not in response.text


def test_an_unconfirmed_reader_meets_the_gate(client, english_page, libretranslate):
    response = client.get(mt_url(english_page, "de"))

    assert response.status_code == 303
    assert response["Location"].startswith("/de/hcp-confirm/")
    assert translate_calls(libretranslate) == []


# Surveys and polls answered on a machine-translated page


def test_a_survey_answer_is_stored_with_the_language_read(
    hcp_client, admin_client, survey, article, libretranslate
):
    html = hcp_client.get(mt_url(article, "de")).text
    assert '<input type="hidden" name="reader_language" value="de">' in html
    assert f'action="{survey.url}"' in html

    response = hcp_client.post(survey.url, answers(article=article.pk, reader_language="de"))

    assert response.status_code == 303
    assert response["Location"] == f"{mt_url(article, 'de')}#feedback"
    stored = SurveyResponse.objects.get()
    assert (stored.reader_language, stored.locale.language_code) == ("de", "en")
    export = admin_client.get(f"/admin/forms/submissions/{survey.pk}/", {"export": "csv"})
    rows = rows_of_csv(export)
    assert rows[0][-1] == "Read in (machine translation)"
    assert rows[1][-1] == "de"

    # Still one answer per reader, whichever language they read it in.
    hcp_client.post(survey.url, answers(article=article.pk, reader_language="fr"))
    hcp_client.post(survey.url, answers(article=article.pk))
    assert SurveyResponse.objects.count() == 1


def test_a_survey_answer_on_the_original_has_no_reader_language(
    hcp_client, survey, article, libretranslate
):
    assert 'name="reader_language"' not in hcp_client.get(article.url).text
    hcp_client.post(survey.url, answers(article=article.pk))
    assert SurveyResponse.objects.get().reader_language == ""


def test_the_survey_stays_in_the_articles_language(hcp_client, survey, article, libretranslate):
    # The survey has a Spanish translation; the article has none.
    spanish_home = translate(home_page(), "es")["es"]
    spanish_survey = survey.copy_for_translation(spanish_home.locale)
    publish_certified(spanish_survey.save_revision())

    html = hcp_client.get(mt_url(article, "es")).text

    # The article's own (English) survey, whose answers name the article: the Spanish one
    # would refuse an English article.
    assert f'action="{survey.url}"' in html
    assert '<input type="hidden" name="reader_language" value="es">' in html
    hcp_client.post(survey.url, answers(article=article.pk, reader_language="es"))
    stored = SurveyResponse.objects.get()
    assert (stored.page_id, stored.reader_language) == (survey.pk, "es")


@pytest.mark.parametrize("tampered", ["xx", "en", "<script>"])
def test_a_tampered_reader_language_is_refused(hcp_client, survey, article, poll, tampered):
    response = hcp_client.post(survey.url, answers(article=article.pk, reader_language=tampered))

    assert response.status_code == 400
    assert "is not one this site translates into" in response.text
    assert not SurveyResponse.objects.exists()

    choice = poll.choices.first()
    response = hcp_client.post(poll.url, {"choice": choice.pk, "reader_language": tampered})
    assert response.status_code == 400
    assert "is not one this site translates into" in response.text
    assert not PollVote.objects.exists()


def test_a_poll_vote_is_stored_with_the_language_read(
    hcp_client, admin_client, poll, libretranslate
):
    html = hcp_client.get(mt_url(poll, "fr")).text
    assert '<input type="hidden" name="reader_language" value="fr">' in html

    choice = poll.choices.first()
    response = hcp_client.post(poll.url, {"choice": choice.pk, "reader_language": "fr"})

    assert response.status_code == 303
    assert response["Location"] == f"{mt_url(poll, 'fr')}#poll-{poll.pk}"
    vote = PollVote.objects.get()
    assert (vote.reader_language, vote.locale.language_code) == ("fr", "en")
    export = admin_client.get(f"/admin/survey-results/{poll.pk}/csv/")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][-1] == "Read in (machine translation)"
    assert rows[1][-1] == "fr"


def test_the_originals_cached_fragments_never_stand_in_for_its_translation(
    hcp_client, survey, article, libretranslate
):
    # The original's text, head and forms are now in the fragment cache.
    hcp_client.get(article.url)
    hcp_client.cookies["sessionid"] = "a-session-of-no-one"
    hcp_client.get(article.url)

    html = hcp_client.get(mt_url(article, "es")).text

    heading = re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert heading.startswith("[es] ")
    assert 'name="reader_language" value="es"' in html
