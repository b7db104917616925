"""Translators keep up with source edits ("Sync translated pages") and work offline in PO files."""

import polib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail_localize.models import StringTranslation

from hub_site.translation.status import translation_status
from tests.publishing import publish_certified
from tests.translation.helpers import start_translation, translate_string


def spanish_row(english_page):
    return next(
        row
        for row in translation_status()
        if row.title == english_page.title and row.locale.language_code == "es"
    )


def publish_spanish(translation, spanish_page, user):
    translation.save_target(user=user, publish=False)
    spanish_page.refresh_from_db()
    publish_certified(spanish_page.get_latest_revision())


def test_a_source_edit_marks_the_translation_out_of_date_and_sync_updates_it(
    client, team, english_page
):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    translate_string(client, translation, "About us", "Sobre nosotros")
    translate_string(client, translation, "Welcome, patients", "Bienvenidos, pacientes")
    publish_spanish(translation, spanish_page, team["translator"])
    assert not spanish_row(english_page).out_of_date

    english_page.intro = "Welcome, colleagues"
    publish_certified(english_page.save_revision())
    assert spanish_row(english_page).out_of_date

    sync = reverse("wagtail_localize:update_translations", args=(translation.source.pk,))
    assert client.get(sync).status_code == 200
    assert client.post(sync, {}).status_code == 302

    assert not spanish_row(english_page).out_of_date
    translate_string(client, translation, "Welcome, colleagues", "Bienvenidos, colegas")
    translation.save_target(user=team["translator"], publish=False)
    spanish_page.refresh_from_db()
    draft = spanish_page.get_latest_revision_as_object()
    assert (draft.title, draft.intro) == ("Sobre nosotros", "Bienvenidos, colegas")


def test_po_export_and_import_round_trip(client, team, english_page):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)

    exported = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert exported.status_code == 200
    assert "attachment" in exported["Content-Disposition"]
    po = polib.pofile(exported.content.decode())
    assert {entry.msgid for entry in po} == {"About us", "Welcome, patients"}

    for entry in po:
        entry.msgstr = {"About us": "Sobre nosotros", "Welcome, patients": "Bienvenidos"}[
            entry.msgid
        ]
    upload = SimpleUploadedFile("about-us-es.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    imported = StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=english_page.translation_key
    )
    assert {s.data for s in imported} == {"Sobre nosotros", "Bienvenidos"}
    translation.save_target(user=team["translator"], publish=False)
    spanish_page.refresh_from_db()
    assert spanish_page.get_latest_revision_as_object().title == "Sobre nosotros"


def test_a_po_file_of_another_translation_is_refused(client, team, english_page):
    client.force_login(team["translator"])
    _spanish_page, spanish = start_translation(client, english_page)
    _french_page, french = start_translation(client, english_page, "fr")
    french_po = client.get(reverse("wagtail_localize:download_pofile", args=(french.pk,)))

    client.post(
        reverse("wagtail_localize:upload_pofile", args=(spanish.pk,)),
        {"file": SimpleUploadedFile("fr.po", french_po.content), "next": "/admin/"},
    )

    assert not StringTranslation.objects.filter(locale=spanish.target_locale).exists()
