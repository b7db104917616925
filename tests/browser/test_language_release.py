"""A correction released in every language at once, as the editor and translator see it:
the editor finds the held change on the page's edit view and follows its banner to the
release; the translator finds the open releases in the Reports menu (Chromium)."""

from playwright.sync_api import expect

from django.test import Client

from tests.browser.test_role_dashboards import assert_no_axe_violations_in
from tests.browser.test_workflow_admin import guide_shot, sign_in
from tests.releases.conftest import (  # noqa: F401 - fixtures
    submit_correction,
    translate_and_approve,
    translated_page,
)
from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures

TEAM_PASSWORD = "review-pass-1234"


def test_the_editor_and_translator_follow_a_release(live_site, page, team, translated_page):  # noqa: F811
    client = Client()
    submit_correction(client, team, translated_page, "Dose: 5 mg a day")
    translate_and_approve(
        client, team, translated_page, "es", "Dose: 5 mg a day", "Dosis: 5 mg al día"
    )
    page.set_viewport_size({"width": 1400, "height": 1000})

    # The editor opens the page: a banner says the change waits, with the way to the release.
    sign_in(page, live_site.url, "editor", TEAM_PASSWORD)
    page.goto(f"{live_site.url}/admin/pages/{translated_page.pk}/edit/")
    expect(page.get_by_text("waits to go live with its translations")).to_be_visible()
    page.locator(".messages").get_by_role("link", name="Language release").click()
    expect(page.get_by_role("heading", name="Language release")).to_be_visible()
    french = page.get_by_role("row", name="French")
    expect(french).to_contain_text("Translating")
    expect(french).to_contain_text("Translators")
    expect(page.get_by_role("row", name="Spanish")).to_contain_text("Approved")
    assert_no_axe_violations_in(page, ".hub-releases")
    guide_shot(page, "editor-language-release")

    # The translator finds the open releases under Reports.
    sign_in(page, live_site.url, "translator", TEAM_PASSWORD)
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Language releases").click()
    expect(page.get_by_role("heading", name="Open releases")).to_be_visible()
    expect(page.get_by_role("row", name="French")).to_contain_text("Translating")
    assert_no_axe_violations_in(page, ".hub-releases")
    guide_shot(page, "translator-language-releases")

    # The last approval releases every language; the report says so.
    translate_and_approve(
        client, team, translated_page, "fr", "Dose: 5 mg a day", "Dose : 5 mg par jour"
    )
    page.reload()
    expect(page.get_by_text("No release is waiting.")).to_be_visible()
    expect(page.get_by_text("Released in every language")).to_be_visible()
