"""The numbers guard holds for translated snippets, and for every way of publishing."""

import pytest

from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hub_site.translation.drafts import save_translation_draft
from hub_site.translation.models import MachineTranslationNotice
from tests.publishing import publish_certified
from tests.translation.helpers import (
    confirm_figures,
    translate_figures_page,
    translate_string,
)
from tests.translation.notices import (
    notice_edit_url,
    publish_english_notice,
    start_notice_translation,
)

ORIGINAL = "Checked against the original within 2 days."
MISTRANSLATED = "Cotejado con el original en 3 días."


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def spanish_notice(client, team):
    """The manager translates the English notice into Spanish and gets a figure wrong."""
    english = publish_english_notice(ORIGINAL)
    client.force_login(team["manager"])
    notice, translation = start_notice_translation(client, english)
    translate_string(client, translation, ORIGINAL, MISTRANSLATED)
    assert not notice.live  # a draft: translations are made as drafts
    return notice, translation


def test_the_translation_editor_refuses_to_publish(client, team, spanish_notice):
    notice, translation = spanish_notice
    check_url = reverse("hub_translation:translation_number_check", args=(translation.pk,))

    editor = client.get(notice_edit_url(notice))
    assert "cannot be published until they are corrected or confirmed" in editor.text
    assert check_url in editor.text

    response = client.post(notice_edit_url(notice), {"action": "publish"})

    assert response.status_code == 302
    assert response["Location"] == check_url
    assert any(f"“{ORIGINAL}” → “{MISTRANSLATED}”" in m for m in messages_of(response))
    notice.refresh_from_db()
    assert not notice.live
    assert notice.text == ORIGINAL  # the copy's text: nothing of the translation was saved


def test_publishing_in_code_is_refused(team, spanish_notice, django_capture_on_commit_callbacks):
    notice, translation = spanish_notice

    # wagtail-localize's publish (its editor's button, "Sync" with "publish").
    refused = pytest.raises(PermissionDenied, match="figures in 1 segment differ")
    with refused, django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=team["manager"], publish=True)
    notice.refresh_from_db()
    assert (notice.live, notice.text) == (False, ORIGINAL)

    # A revision of it published directly.
    revision = notice.save_revision(user=team["manager"])
    with pytest.raises(PermissionDenied, match="figures in 1 segment differ"):
        revision.publish()
    notice.refresh_from_db()
    assert not notice.live
    assert not MachineTranslationNotice.objects.filter(live=True, locale=notice.locale).exists()


def test_confirmed_by_someone_else_it_is_published(
    client, team, spanish_notice, django_capture_on_commit_callbacks
):
    notice, translation = spanish_notice
    check_url = reverse("hub_translation:translation_number_check", args=(translation.pk,))
    segment_id = client.get(check_url).context["flagged"][0].string_translation.pk

    # The manager translated it; an editor (who may change notices) confirms.
    assert confirm_figures(client, check_url, segment_id).status_code == 403
    client.force_login(team["translator"])  # no permission on notices
    assert client.get(check_url).status_code in (302, 403)
    client.force_login(team["editor"])
    assert confirm_figures(client, check_url, segment_id).status_code == 302

    client.force_login(team["manager"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(notice_edit_url(notice), {"action": "publish"})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.live
    assert notice.text == MISTRANSLATED


def test_a_translated_page_with_other_figures_cannot_be_published_in_code(
    client, team, figures_page
):
    spanish_page, translation = translate_figures_page(client, team["translator"], figures_page)
    save_translation_draft(translation, team["translator"])
    spanish_page.refresh_from_db()

    with pytest.raises(PermissionDenied, match="“53% and 46%” → “53% y 64%”"):
        publish_certified(spanish_page.get_latest_revision())
    spanish_page.refresh_from_db()
    assert not spanish_page.live
    assert spanish_page.live_revision is None
