"""Withdrawing an original offers to withdraw every translation with it.

The paths: the reviewers' "Withdraw" (a checkbox, ticked by default; unticked keeps the
translations), which is also where Wagtail's own "Unpublish" leads. Either way the
original's open release ends, so a later approval does not bring the withdrawn page back.
"""

import pytest

from django.urls import reverse

from hub_site.releases.models import Release
from tests.releases.conftest import submit_correction, translate_and_approve, translated

pytestmark = pytest.mark.django_db


def live(page):
    result = {}
    for code in ("en", "es", "fr"):
        target = page if code == "en" else translated(page, code)
        target.refresh_from_db()
        result[code] = target.live
    return result


def test_withdraw_offers_the_translations_and_takes_them(client, team, translated_page):
    client.force_login(team["compliance"])
    url = reverse("hub_certification:withdraw", args=(translated_page.pk,))
    form = client.get(url).content.decode()
    assert "Withdraw its translations too" in form
    assert "Spanish" in form and "French" in form

    response = client.post(url, {"reason": "Wrong dose", "withdraw_translations": "on"})
    assert response.status_code == 302
    assert live(translated_page) == {"en": False, "es": False, "fr": False}


def test_withdraw_may_keep_the_translations(client, team, translated_page):
    client.force_login(team["compliance"])
    url = reverse("hub_certification:withdraw", args=(translated_page.pk,))
    assert client.post(url, {"reason": "Superseded in English only"}).status_code == 302
    assert live(translated_page) == {"en": False, "es": True, "fr": True}


def test_a_translation_withdrawn_alone_has_no_such_offer(client, team, translated_page):
    client.force_login(team["compliance"])
    spanish = translated(translated_page, "es")
    url = reverse("hub_certification:withdraw", args=(spanish.pk,))
    assert "Withdraw its translations too" not in client.get(url).content.decode()
    assert client.post(url, {"reason": "Mistranslated"}).status_code == 302
    assert live(translated_page) == {"en": True, "es": False, "fr": True}


def test_wagtails_unpublish_leads_to_the_same_offer(admin_client, translated_page):
    url = reverse("wagtailadmin_pages:unpublish", args=(translated_page.pk,))
    response = admin_client.post(url)
    assert response["Location"] == reverse("hub_certification:withdraw", args=(translated_page.pk,))
    assert live(translated_page) == {"en": True, "es": True, "fr": True}


def test_a_withdrawn_original_is_not_brought_back_by_its_release(client, team, translated_page):
    page = translated_page
    new = "Dose: 5 mg a day"
    submit_correction(client, team, page, new)
    translate_and_approve(client, team, page, "es", new, "Dosis: 5 mg al día")
    client.force_login(team["compliance"])
    url = reverse("hub_certification:withdraw", args=(page.pk,))
    client.post(url, {"reason": "Wrong dose", "withdraw_translations": "on"})
    assert Release.objects.get(page=page).status == Release.CANCELLED

    translate_and_approve(client, team, page, "fr", new, "Dose : 5 mg par jour")
    assert live(page)["en"] is False
    assert live(page)["es"] is False
