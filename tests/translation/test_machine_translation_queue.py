"""The translation editor's "Translate with …" button puts the work on the task queue
(hub_site/translation/machine_queue.py): the translator sees the draft being prepared on a
page that refreshes itself (no JavaScript needed) and opens the editor with the draft when
the worker has written it; a service that fails is tried again, then the translator is
told."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail_localize.models import StringTranslation

from hub_site.translation import machine_queue
from hub_site.translation.machine import LibreTranslateTranslator
from tests.translation.helpers import machine_translate, start_translation

pytestmark = pytest.mark.django_db


def prepared(waiting_queue):
    """The machine translations waiting for the worker."""
    return [r for r in waiting_queue.results if r.task.name == "prepare"]


def refused(response):
    """Wagtail's admin answers a refusal with its home page and a message, or a 403."""
    return response.status_code == 403 or response.get("Location") == "/admin/"


def run_queued(waiting_queue):
    for result in list(waiting_queue.results):
        waiting_queue.results.remove(result)
        result.task.call(*result.args, **result.kwargs)


def test_the_translator_sees_the_draft_being_prepared_then_the_editor_with_it(
    client, team, english_page, libretranslate, waiting_queue
):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    editor = reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,))

    response = machine_translate(client, translation, next_url=editor)

    status_url = response["Location"]
    assert status_url.startswith(
        reverse("hub_translation:machine_translation_status", args=(translation.pk,))
    )
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()
    preparing = client.get(status_url)
    assert preparing.status_code == 200
    page = BeautifulSoup(preparing.content, "html.parser")
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == "3"
    assert (
        "is translating the page into" in page.select_one("#machine-translation-status").get_text()
    )
    assert page.find("a", href=editor), "a way back without waiting"

    run_queued(waiting_queue)  # the worker

    ready = client.get(status_url)
    assert ready.status_code == 302 and ready["Location"] == editor
    assert StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).exists()
    assert "The machine translation is ready" in client.get(editor).content.decode()


def test_a_failing_service_is_tried_again_then_the_translator_is_told(
    client, team, english_page, libretranslate, waiting_queue
):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    # The editor has listed the server's languages (kept); then the server fails.
    LibreTranslateTranslator({"URL": libretranslate.url, "API_KEY": "test-key"}).languages()
    libretranslate.failing = True
    editor = reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,))
    status_url = machine_translate(client, translation, next_url=editor)["Location"]

    attempts = 0
    while prepared(waiting_queue):
        attempts += 1
        (retry,) = prepared(waiting_queue)
        assert attempts == 1 or retry.task.run_after is not None, "later each time"
        run_queued(waiting_queue)
        if prepared(waiting_queue):
            assert client.get(status_url).status_code == 200, "still being prepared"

    assert attempts == machine_queue.ATTEMPTS
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()
    told = client.get(status_url)
    assert told["Location"] == editor
    assert "The translation service did not answer" in client.get(editor).content.decode()


def test_only_someone_who_may_edit_the_translation_may_ask_or_watch(
    client, team, english_page, libretranslate, waiting_queue
):
    client.force_login(team["translator"])
    _, translation = start_translation(client, english_page)
    client.force_login(team["medical"])

    assert refused(machine_translate(client, translation))
    status = reverse("hub_translation:machine_translation_status", args=(translation.pk,))
    assert refused(client.get(status))
    assert prepared(waiting_queue) == []


def test_the_button_only_posts(client, team, english_page, libretranslate, waiting_queue):
    client.force_login(team["translator"])
    _, translation = start_translation(client, english_page)

    url = reverse("wagtail_localize:machine_translate", args=(translation.pk,))
    assert client.get(url).status_code == 405
    assert prepared(waiting_queue) == []
