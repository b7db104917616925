"""A translator asks for a machine translation in the real translation editor: the page
says the draft is being prepared and refreshes itself, and once the task queue's worker has
written it, the editor opens with the draft (Chromium, the database queue and its worker)."""

import os

from playwright.sync_api import expect

from django.core.management import call_command
from django.test import Client, override_settings

from home.models import HomePage, StandardPage
from hub_site.workflows import roles
from tests.browser.test_workflow_admin import make_user, sign_in
from tests.publishing import publish_certified
from tests.support.libretranslate import libretranslate_server  # noqa: F401 - fixture
from tests.translation.helpers import start_translation


def test_a_machine_translation_is_prepared_by_the_worker_and_opens_in_the_editor(
    live_site,
    page,
    screenshot,
    settings,
    libretranslate_server,  # noqa: F811
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    translator_setting = {
        "CLASS": "hub_site.translation.machine.LibreTranslateTranslator",
        "OPTIONS": {"URL": libretranslate_server.url, "API_KEY": "test-key"},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=translator_setting):
        home = HomePage.objects.get(depth=2, locale__language_code="en")
        english = home.add_child(
            instance=StandardPage(title="About us", slug="about-us", intro="Welcome, patients")
        )
        publish_certified(english.save_revision())
        translator = make_user("translator", roles.TRANSLATORS)
        client = Client()
        client.force_login(translator)
        spanish, _translation = start_translation(client, english)

        sign_in(page, live_site.url, "translator")
        page.goto(f"{live_site.url}/admin/pages/{spanish.pk}/edit/")
        page.get_by_role("button", name="Translate with LibreTranslate").click()

        status = page.locator("#machine-translation-status")
        expect(status).to_contain_text("LibreTranslate is translating the page into Spanish")
        screenshot("machine-translation-preparing")
        # The worker runs what is queued, as `manage.py db_worker` does on a server.
        with open(os.devnull, "w") as devnull:
            call_command("db_worker", "--batch", "--no-startup-delay", stdout=devnull)

        # The page refreshes by itself into the editor, with the draft.
        page.wait_for_url(f"**/admin/pages/{spanish.pk}/edit/", timeout=15000)
        expect(page.get_by_text("The machine translation is ready")).to_be_visible()
        expect(page.get_by_text("[es] Acerca de nosotros").first).to_be_visible()
        screenshot("machine-translation-ready")
