"""The translation status report in the admin."""

from django.urls import reverse

from hub_site.translation.models import MachineTranslationNotice
from tests.publishing import publish_certified
from tests.translation.helpers import machine_translate, start_translation, translate_string

REPORT = reverse("hub_translation:status_report")


def statuses(response, title):
    return {
        (row.locale.language_code, row.status, row.out_of_date, row.machine)
        for row in response.context["rows"]
        if row.title == title
    }


def test_report_lists_every_page_and_snippet_per_locale(
    client, team, english_page, libretranslate, django_assert_max_num_queries
):
    from wagtail.models import Locale

    MachineTranslationNotice.objects.create(
        locale=Locale.objects.get(language_code="en"), text="Machine translated."
    ).save_revision().publish()
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
    assert ("de", "missing", False, False) in rows
    assert any(row.kind == "machine translation notice" for row in response.context["rows"])
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)) in html
    assert reverse("wagtail_localize:submit_page_translation", args=(english_page.pk,)) in html

    # The English page changes and is republished: the French translation is out of date.
    english_page.title = "About the Hub"
    publish_certified(english_page.save_revision())
    response = client.get(REPORT, {"locale": "fr", "status": "out_of_date"})
    assert {(row.title, row.locale.language_code) for row in response.context["rows"]} == {
        ("About the Hub", "fr")
    }

    response = client.get(REPORT, {"status": "machine"})
    assert {(row.title, row.locale.language_code) for row in response.context["rows"]} == {
        ("About the Hub", "es")
    }
    # Unknown filters show everything rather than failing.
    assert client.get(REPORT, {"status": "nonsense", "locale": "xx"}).status_code == 200

    # Query count does not grow with the number of rows (two of them look up the staff
    # member's second-factor devices, as on every admin request).
    with django_assert_max_num_queries(27):
        client.get(REPORT)
