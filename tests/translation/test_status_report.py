"""The translation status report in the admin, and the languages it and the "Translate"
dialog offer: those in use, with a page tree."""

from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from home.models import HomePage, StandardPage
from hub_site.translation.languages_in_use import languages_in_use
from hub_site.translation.models import MachineTranslationNotice
from hub_site.workflows import roles
from tests.downloads import rows_of_csv
from tests.publishing import publish_certified
from tests.translation.helpers import (
    machine_translate,
    publish_english_page,
    start_language,
    start_translation,
    translate_string,
)

REPORT = reverse("hub_translation:status_report")
NOTICE = "hub_translation.machinetranslationnotice"


def all_rows(response):
    """Every row the filters let through, on any page."""
    return response.context["paginator"].object_list


def statuses(response, title):
    return {
        (row.locale.language_code, row.status, row.out_of_date, row.machine)
        for row in all_rows(response)
        if row.title == title
    }


def english_notice():
    notice = MachineTranslationNotice.objects.create(
        locale=Locale.objects.get(language_code="en"), text="Machine translated."
    )
    notice.save_revision().publish()
    return notice


def add_english_pages(count, start=0):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    for number in range(start, start + count):
        home.add_child(instance=StandardPage(title=f"Leaflet {number:03}", slug=f"l-{number:03}"))


def test_report_lists_every_page_and_snippet_in_each_language_in_use(
    client, team, english_page, libretranslate
):
    notice = english_notice()
    contact = publish_english_page("Contact", "contact", "Write to us")
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    french_page, french = start_translation(client, english_page, "fr")
    machine_translate(client, translation)
    translate_string(client, french, "About us", "À propos")
    translate_string(client, french, "Welcome, patients", "Bienvenue")
    french.save_target(user=team["translator"], publish=False)
    french_page.refresh_from_db()
    publish_certified(french_page.get_latest_revision())

    client.force_login(team["manager"])
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = statuses(response, "About us")
    assert ("es", "draft", False, True) in rows
    assert ("fr", "published", False, False) in rows
    # German, Italian and Portuguese have no page tree yet: no rows, and no filter choice.
    assert {row.locale.language_code for row in all_rows(response)} == {"es", "fr"}
    language_filter = response.context["filters"].form.fields["locale"]
    assert [code for code, _label in language_filter.choices] == ["", "es", "fr"]
    html = response.content.decode()
    page = BeautifulSoup(html, "html.parser")
    cells = page.select("table.listing td:nth-of-type(3)")
    assert {cell.get_text(strip=True) for cell in cells} == {"French", "Spanish"}
    options = page.select('select[name="locale"] option')
    assert [option.get_text(strip=True) for option in options] == ["All", "Spanish", "French"]
    assert "Languages listed: Spanish, French." in html
    assert any(row.type_label == "Machine translation notice" for row in all_rows(response))

    # Each title leads where to act: the translation, or the "Translate" dialog with the
    # missing language chosen.
    assert reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)) in html
    translate_contact = reverse("wagtail_localize:submit_page_translation", args=(contact.pk,))
    assert f'href="{translate_contact}?select_locale=es"' in html
    translate_notice = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=("hub_translation", "machinetranslationnotice", notice.pk),
    )
    assert f'href="{translate_notice}?select_locale=fr"' in html

    # The English page changes and is republished: the French translation is out of date.
    english_page.title = "About the Hub"
    publish_certified(english_page.save_revision())
    response = client.get(REPORT, {"locale": "fr", "status": "out_of_date"})
    assert {(row.title, row.locale.language_code) for row in all_rows(response)} == {
        ("About the Hub", "fr")
    }
    assert "Out of date" in response.content.decode()

    response = client.get(REPORT, {"status": "machine"})
    assert {(row.title, row.locale.language_code) for row in all_rows(response)} == {
        ("About the Hub", "es")
    }


def test_each_filter_and_their_combination(client, team, english_page):
    notice = english_notice()
    client.force_login(team["translator"])
    spanish_page, _translation = start_translation(client, english_page)
    start_language(client, "fr")
    client.force_login(team["manager"])
    everything = all_rows(client.get(REPORT))

    def rows(**filters):
        response = client.get(REPORT, filters)
        assert response.status_code == 200
        return all_rows(response)

    # Wagtail's side panel asks the results-only URL as filters change.
    fragment = client.get(reverse("hub_translation:status_report_results"), {"locale": "fr"})
    assert {row.locale.language_code for row in all_rows(fragment)} == {"fr"}
    assert "<html" not in fragment.text
    missing = rows(status="missing")
    assert missing and {row.status for row in missing} == {"missing"}
    assert {(row.title, row.locale.language_code) for row in rows(status="draft")} == {
        ("About us", "es")
    }
    assert {(row.title, row.locale.language_code) for row in rows(status="published")} == {
        ("The ALL Hub", "es"),
        ("The ALL Hub", "fr"),
    }
    assert {row.locale.language_code for row in rows(locale="fr")} == {"fr"}
    assert {row.kind for row in rows(type="page")} == {"page"}
    assert {(row.title, row.kind) for row in rows(type=NOTICE)} == {(str(notice), NOTICE)}
    combined = rows(locale="fr", status="missing", type="page")
    assert [(row.title, row.locale.language_code) for row in combined] == [("About us", "fr")]
    assert rows(locale="fr", status="draft") == []
    # A value it does not know (a language not in use, from an old link) drops that filter
    # only: the others still apply.
    published = rows(locale="de", status="published")
    assert {row.locale.language_code for row in published} == {"es", "fr"}
    assert {row.status for row in rows(status="nonsense", locale="es")} == {
        "missing",
        "draft",
        "published",
    }
    assert len(rows(status="nonsense", locale="xx", type="nope")) == len(everything)


def test_the_report_is_paginated_and_its_queries_do_not_grow_with_its_rows(client, team):
    english_notice()
    client.force_login(team["manager"])
    start_language(client, "es")
    start_language(client, "fr")
    add_english_pages(30)

    # Home page and 30 pages, and the notice, in Spanish and French.
    first = client.get(REPORT)
    assert first.context["paginator"].count == 64
    assert first.context["page_obj"].has_next()
    assert len(first.context["object_list"]) == 50
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(REPORT, {"p": 2})
    assert second.status_code == 200
    assert second.context["page_obj"].number == 2
    assert len(second.context["object_list"]) == 14
    assert not {id(row) for row in first.context["object_list"]} & {
        id(row) for row in second.context["object_list"]
    }
    rows_on_pages = [
        (row.title, row.locale.language_code)
        for response in (first, second)
        for row in response.context["object_list"]
    ]
    assert len(set(rows_on_pages)) == 64
    # A filter's pages: 32 French rows fit on one.
    french = client.get(REPORT, {"locale": "fr"})
    assert (french.context["paginator"].count, french.context["paginator"].num_pages) == (32, 1)

    with CaptureQueriesContext(connection) as smaller:
        client.get(REPORT, {"p": 2})
    add_english_pages(60, start=30)
    start_translation(client, StandardPage.objects.get(slug="l-000", locale__language_code="en"))
    client.get(REPORT)  # shows, once, the message of the translation just started
    with CaptureQueriesContext(connection) as larger:
        response = client.get(REPORT, {"p": 2})
    assert response.context["paginator"].count == 184
    assert len(larger) == len(smaller), [query["sql"] for query in larger]


def test_the_report_exports_every_row_the_filters_let_through(client, team):
    client.force_login(team["manager"])
    start_language(client, "es")
    start_language(client, "fr")
    add_english_pages(30)

    response = client.get(REPORT, {"export": "csv", "locale": "es"})
    assert response["Content-Type"] == "text/csv"
    lines = rows_of_csv(response)
    assert lines[0] == [
        "Title",
        "Type",
        "Language",
        "Status",
        "Out of date",
        "Machine text unedited",
        "URL",
    ]
    assert len(lines) == 1 + 31
    assert {line[2] for line in lines[1:]} == {"Spanish"}


def offered(response):
    """The languages the "Translate" dialog offers, as its form renders them."""
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser")
    codes = {str(locale.pk): locale.language_code for locale in Locale.objects.all()}
    return {codes[box["value"]] for box in form.select('input[name="locales"]')}


def test_translate_dialog_offers_only_languages_in_use(client, team, english_page):
    client.force_login(team["translator"])
    page_dialog = reverse("wagtail_localize:submit_page_translation", args=(english_page.pk,))
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    home_dialog = reverse("wagtail_localize:submit_page_translation", args=(home.pk,))
    assert [locale.language_code for locale in languages_in_use()] == ["en"]
    nothing = client.get(page_dialog)
    assert offered(nothing) == set()
    assert "A language comes into use once the home page is translated" in nothing.text
    # The home page's dialog is how a language comes into use: it offers every one.
    assert offered(client.get(home_dialog)) == {"es", "fr", "de", "it", "pt"}

    start_language(client, "es")
    start_language(client, "fr")
    assert [locale.language_code for locale in languages_in_use()] == ["en", "es", "fr"]
    dialog = client.get(page_dialog)
    assert offered(dialog) == {"es", "fr"}
    assert "A language comes into use" not in dialog.text
    assert offered(client.get(home_dialog)) == {"de", "it", "pt"}
    notice = english_notice()
    snippet_dialog = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=("hub_translation", "machinetranslationnotice", notice.pk),
    )
    assert offered(client.get(snippet_dialog)) == {"es", "fr"}

    # Not offered, and not accepted either.
    german = Locale.objects.get(language_code="de")
    for dialog in (page_dialog, snippet_dialog):
        refused = client.post(dialog, {"locales": [german.pk]})
        assert refused.status_code == 200
        assert refused.context["form"].errors["locales"]
    assert english_page.get_translation_or_none(german) is None
    assert notice.get_translation_or_none(german) is None

    # What is left to translate into, once the page is in Spanish.
    start_translation(client, english_page)
    assert offered(client.get(page_dialog)) == {"fr"}


def reports_menu_urls(client):
    """The admin menu, as the sidebar gets it (JSON in the page), as text."""
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return page.select_one("#wagtail-sidebar-props").string


def test_content_reviewers_have_no_translation_reports(client, team, make_user):
    status_report = f'"{REPORT}"'
    localize_report = f'"{reverse("wagtail_localize:translations_report")}"'
    for role in ("medical", "compliance"):
        client.force_login(team[role])
        menu = reports_menu_urls(client)
        assert status_report not in menu
        assert localize_report not in menu
        # Wagtail's answer to a view it refuses: back to the dashboard, with its message.
        assert client.get(REPORT)["Location"] == reverse("wagtailadmin_home")

    medical_translator = make_user("medical-translator", roles.MEDICAL_REVIEWERS, roles.TRANSLATORS)
    others = [team[r] for r in ("translator", "translation_reviewer", "editor", "manager")]
    for user in [*others, medical_translator]:
        client.force_login(user)
        menu = reports_menu_urls(client)
        assert status_report in menu, user
        assert localize_report in menu, user
        assert client.get(REPORT).status_code == 200
