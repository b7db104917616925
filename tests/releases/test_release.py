"""A correction released in every language at once.

The paths by which an approved change could reach readers before its translations, each
tested here: the editorial workflow's last approval (held); a translation's approval
before the last one (held); the release page's save (released only when every language is
approved); a scheduled release (the command, at its moment only); a site manager's release
without waiting (with a reason, logged). Re-certification of the live revision is not held.
"""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

from hub_site.cache import invalidation
from hub_site.releases.models import Release
from hub_site.releases.publishing import RELEASED, RELEASED_WITHOUT_WAITING
from tests.releases.conftest import submit_correction, translate_and_approve, translated
from tests.translation.helpers import publish_english_page, translate_string, translation_into
from tests.workflows.test_editorial_workflow import assert_refused

pytestmark = pytest.mark.django_db

NEW = "Dose: 5 mg a day"


def intros(page):
    """What readers are served in each language (the live rows)."""
    result = {}
    for code in ("en", "es", "fr"):
        target = page if code == "en" else translated(page, code)
        target.refresh_from_db()
        result[code] = target.specific.intro
    return result


def test_a_correction_goes_live_in_every_language_together(
    client, hcp_client, team, translated_page, monkeypatch, django_capture_on_commit_callbacks
):
    page = translated_page
    submit_correction(client, team, page, NEW)

    # The editorial review approved; nothing changed for readers.
    release = Release.objects.get(page=page, status=Release.OPEN)
    assert release.revision_id is not None
    assert intros(page) == {
        "en": "Dose: 10 mg a day",
        "es": "Dosis: 10 mg al día",
        "fr": "Dose : 10 mg par jour",
    }
    assert "10 mg a day" in hcp_client.get(page.get_url()).text

    translate_and_approve(client, team, page, "es", NEW, "Dosis: 5 mg al día")
    # Spanish is approved, French is not: still nothing live.
    assert intros(page)["es"] == "Dosis: 10 mg al día"
    assert intros(page)["en"] == "Dose: 10 mg a day"
    release.refresh_from_db()
    assert release.is_open

    retired = []
    real_retire = invalidation.retire
    monkeypatch.setattr(
        invalidation,
        "retire",
        lambda tags, everything=False, edge=True: (
            edge and retired.append(tags),
            real_retire(tags, everything, edge),
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_and_approve(client, team, page, "fr", NEW, "Dose : 5 mg par jour")

    assert intros(page) == {
        "en": NEW,
        "es": "Dosis: 5 mg al día",
        "fr": "Dose : 5 mg par jour",
    }
    release.refresh_from_db()
    assert release.status == Release.RELEASED
    # One invalidation at both layers for the three languages, after the one commit.
    assert len(retired) == 1
    assert PageLogEntry.objects.filter(page=page, action=RELEASED).count() == 1
    for code in ("en", "es", "fr"):
        target = page if code == "en" else translated(page, code)
        assert "5 mg" in hcp_client.get(target.get_url()).text

    # Reports → Language releases: no longer open, listed among the recently closed.
    client.force_login(team["translator"])
    html = client.get(reverse("hub_releases:list")).content.decode()
    assert "No release is waiting." in html
    closed = html.split("Recently closed")[1]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(page.pk,))}"' in closed
    assert "About" in closed and "Released in every language" in closed


def test_the_release_page_shows_who_each_language_waits_on(client, team, translated_page):
    page = translated_page
    submit_correction(client, team, page, NEW)
    translation = translation_into(page, "es")
    client.force_login(team["translator"])
    translate_string(client, translation, NEW, "Dosis: 5 mg al día")
    client.post(reverse("hub_workflows:submit_translation", args=(translated(page, "es").pk,)))

    client.force_login(team["editor"])
    listing = client.get(reverse("hub_releases:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "About" in html
    assert "In review: Translation review (es)" in html
    assert "Translation reviewers" in html
    assert "Translating" in html and "Translators" in html

    # The edit page of the original says its change waits, with a way to the release.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert "waits to go live with its translations" in edit.content.decode()
    assert reverse("hub_releases:page_release", args=(page.pk,)) in edit.content.decode()


def test_a_scheduled_release_goes_live_at_its_moment(client, team, translated_page):
    page = translated_page
    client.force_login(team["editor"])
    moment = timezone.now() + timedelta(hours=2)
    url = reverse("hub_releases:page_release", args=(page.pk,))
    es, fr = (translated(page, code).locale_id for code in ("es", "fr"))
    response = client.post(
        url,
        {
            "action": "plan",
            "languages": [str(es), str(fr)],
            "go_live_at": moment.strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert response.status_code == 302
    submit_correction(client, team, page, NEW)
    translate_and_approve(client, team, page, "es", NEW, "Dosis: 5 mg al día")
    translate_and_approve(client, team, page, "fr", NEW, "Dose : 5 mg par jour")

    # Every language approved; the moment has not come.
    call_command("publish_releases", stdout=StringIO())
    assert intros(page)["en"] == "Dose: 10 mg a day"
    assert intros(page)["fr"] == "Dose : 10 mg par jour"

    Release.objects.filter(page=page).update(go_live_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_releases", stdout=StringIO())
    assert intros(page) == {
        "en": NEW,
        "es": "Dosis: 5 mg al día",
        "fr": "Dose : 5 mg par jour",
    }


def test_the_editor_chooses_the_languages_before_approval(client, team, translated_page):
    page = translated_page
    client.force_login(team["editor"])
    url = reverse("hub_releases:page_release", args=(page.pk,))
    es = translated(page, "es").locale_id
    assert client.post(url, {"action": "plan", "languages": [str(es)]}).status_code == 302
    submit_correction(client, team, page, NEW)
    translate_and_approve(client, team, page, "es", NEW, "Dosis: 5 mg al día")

    # English and Spanish together; French, left out, keeps its text until its own review.
    assert intros(page) == {
        "en": NEW,
        "es": "Dosis: 5 mg al día",
        "fr": "Dose : 10 mg par jour",
    }


@pytest.mark.parametrize(
    "form, status",
    [
        ({"action": "plan", "languages": []}, 400),
        ({"action": "plan", "languages": ["999999"]}, 400),
        ({"action": "plan", "languages": ["es"], "go_live_at": "yesterday"}, 400),
        ({"action": "nonsense"}, 400),
    ],
)
def test_bad_release_forms_are_refused_and_store_nothing(
    client, team, translated_page, form, status
):
    client.force_login(team["editor"])
    url = reverse("hub_releases:page_release", args=(translated_page.pk,))
    assert client.post(url, form).status_code == status
    assert not Release.objects.exists()


def test_after_approval_only_a_site_manager_leaves_a_language_out(client, team, translated_page):
    page = translated_page
    submit_correction(client, team, page, NEW)
    url = reverse("hub_releases:page_release", args=(page.pk,))
    es = translated(page, "es").locale_id
    client.force_login(team["editor"])
    assert client.post(url, {"action": "plan", "languages": [str(es)]}).status_code == 400
    assert Release.objects.get(page=page).languages.filter(included=True).count() == 2


def test_a_site_manager_releases_without_waiting_with_a_logged_reason(
    client, team, translated_page
):
    page = translated_page
    submit_correction(client, team, page, NEW)
    translate_and_approve(client, team, page, "es", NEW, "Dosis: 5 mg al día")
    url = reverse("hub_releases:page_release", args=(page.pk,))

    # Editors and reviewers cannot; a reason is required.
    for role in ("editor", "compliance"):
        client.force_login(team[role])
        assert_refused(client.post(url, {"action": "release_without_waiting", "reason": "Urgent"}))
    client.force_login(team["manager"])
    response = client.post(url, {"action": "release_without_waiting", "reason": "  "})
    assert response.status_code == 400
    assert intros(page)["en"] == "Dose: 10 mg a day"

    response = client.post(
        url, {"action": "release_without_waiting", "reason": "Dosing error: correct it now"}
    )
    assert response.status_code == 302
    # The original and the approved Spanish go live; French goes on its own later.
    assert intros(page) == {
        "en": NEW,
        "es": "Dosis: 5 mg al día",
        "fr": "Dose : 10 mg par jour",
    }
    entry = PageLogEntry.objects.get(page=page, action=RELEASED_WITHOUT_WAITING)
    assert entry.user == team["manager"]
    assert entry.data["reason"] == "Dosing error: correct it now"
    assert entry.data["languages"] == ["es"]

    # French, approved later, publishes on its own.
    translate_and_approve(client, team, page, "fr", NEW, "Dose : 5 mg par jour")
    assert intros(page)["fr"] == "Dose : 5 mg par jour"


def test_a_page_without_translations_publishes_at_its_last_approval(client, team):
    page = publish_english_page("Alone", "alone", "Dose: 10 mg a day")
    submit_correction(client, team, page, NEW)
    page.refresh_from_db()
    assert page.specific.intro == NEW
    assert not Release.objects.exists()
