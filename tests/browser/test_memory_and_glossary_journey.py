"""A translator fills a translation from the translation memory and answers the glossary
check, in the real translation editor (Chromium): the memory's banner leads to its page of
exact and fuzzy matches, the glossary's banner to its check, and "Submit for review" is
refused until the departure from the glossary has a reason."""

import re

from playwright.sync_api import expect

from django.test import Client

from wagtail_localize.models import StringTranslation

from hub_site.translation.memory import TOOL_NAME
from hub_site.translation.models import GlossaryWarningReason
from hub_site.workflows import roles
from tests.browser.test_role_dashboards import assert_no_axe_violations_in
from tests.browser.test_workflow_admin import guide_shot, make_user, sign_in
from tests.translation.helpers import start_translation, translate_string
from tests.translation.test_glossary import add_term
from tests.translation.test_translation_memory import english, publish_translation

BELOW_25 = "Store the vials below 25 °C."
BAJO_25 = "Conserve los viales por debajo de 25 °C."
BELOW_30 = "Store the vials below 30 °C."
BAJO_30 = "Conserve los viales por debajo de 30 °C."
OUTCOMES = "Outcomes after transplant."
FORBIDDEN_OUTCOMES = "Resultados tras el transplante."
REASON = "The source quotes the trial's own Spanish title."


def segment_row(page, source_text):
    """A segment of wagtail-localize's editor: the list item holding its source text."""
    return page.locator("li.complete, li.incomplete, li.errored").filter(
        has=page.get_by_text(source_text, exact=True)
    )


def type_translation(page, source_text, text):
    """Translate or edit one segment with the editor's own buttons, and wait until it is
    saved: the editor shows the text again, no longer in its text box."""
    row = segment_row(page, source_text)
    row.get_by_role("button", name=re.compile(r"^(Translate|Edit)$")).click()
    row.get_by_role("textbox").fill(text)
    row.get_by_role("button", name="Save").click()
    expect(row.get_by_role("textbox")).to_have_count(0)
    expect(row).to_have_class("complete", timeout=10_000)
    expect(row).to_contain_text(text)


def test_the_translator_uses_the_memory_and_answers_the_glossary(live_site, page):
    translator = make_user("translator", roles.TRANSLATORS)
    client = Client()
    # The memory holds the Spanish of BELOW_25, published with an earlier page.
    storage = english("Vaccine storage", BELOW_25)
    publish_translation(
        client,
        translator,
        storage,
        {"Vaccine storage": "Conservación de las vacunas", BELOW_25: BAJO_25},
    )
    add_term("transplant", "trasplante", forbidden="transplante")
    follow_up = english("Follow-up care", BELOW_25, [BELOW_30, OUTCOMES])
    spanish, translation = start_translation(client, follow_up)
    translate_string(client, translation, "Follow-up care", "Cuidados de seguimiento")
    editor_url = f"{live_site.url}/admin/pages/{spanish.pk}/edit/"
    page.set_viewport_size({"width": 1400, "height": 1000})

    # The editor says what the memory holds, with the way to it.
    sign_in(page, live_site.url, "translator")
    page.goto(editor_url)
    messages = page.locator(".messages")
    expect(
        messages.get_by_text("2 segments have matches in translation memory (1 exact).")
    ).to_be_visible()
    messages.get_by_role("link", name="Translation memory").click()

    expect(page.get_by_role("heading", name="Translation memory")).to_be_visible()
    exact = page.locator(".translation-memory-segment").filter(has_text=BELOW_25)
    expect(exact.locator(".translation-memory-exact")).to_contain_text(BAJO_25)
    fuzzy = page.locator(".translation-memory-segment").filter(has_text=BELOW_30)
    expect(fuzzy.locator(".translation-memory-fuzzy")).to_contain_text("92% match")
    expect(fuzzy.locator("del")).to_have_text("25")
    expect(fuzzy.locator("ins")).to_have_text("30")
    expect(fuzzy).to_contain_text(BAJO_25)
    assert_no_axe_violations_in(page, "main .nice-padding")
    guide_shot(page, "translator-translation-memory")

    page.get_by_role("button", name="Accept all exact matches (1)").click()
    expect(messages).to_contain_text("1 segment filled from translation memory.")
    expect(page.locator(".translation-memory-exact")).to_have_count(0)
    fuzzy.get_by_role("button", name="Use this translation").click()
    expect(messages).to_contain_text("1 segment filled from translation memory.")
    expect(page.get_by_text("The memory has nothing for the segments")).to_be_visible()
    page.get_by_role("link", name="Back to the translation editor").click()

    page.wait_for_url(editor_url)
    expect(segment_row(page, BELOW_25)).to_contain_text(BAJO_25)
    expect(segment_row(page, BELOW_30)).to_contain_text(BAJO_25)
    filled = StringTranslation.objects.filter(locale=translation.target_locale, tool_name=TOOL_NAME)
    assert sorted(filled.values_list("data", flat=True)) == [BAJO_25, BAJO_25]

    # A fuzzy match was made for another figure: the translator corrects it, then
    # translates the last segment with a word the glossary forbids.
    type_translation(page, BELOW_30, BAJO_30)
    type_translation(page, OUTCOMES, FORBIDDEN_OUTCOMES)
    page.reload()
    expect(
        messages.get_by_text(
            "1 segment(s) depart from the glossary: give a reason or correct them."
        )
    ).to_be_visible()
    messages.get_by_role("link", name="Glossary check").click()

    expect(page.get_by_role("heading", name="Glossary check")).to_be_visible()
    warning = page.locator(".glossary-warning--forbidden")
    expect(warning).to_contain_text(FORBIDDEN_OUTCOMES)
    expect(warning).to_contain_text("Uses a forbidden translation.")
    expect(warning).to_contain_text("Forbidden: transplante")
    expect(warning.locator("mark")).to_have_text("transplant")
    assert_no_axe_violations_in(page, "main .nice-padding")
    guide_shot(page, "translator-glossary-check")

    # Submitting from the editor is refused while the warning has no reason.
    page.get_by_role("link", name="Back to the translation editor").click()
    page.wait_for_url(editor_url)
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(f"{live_site.url}/admin/translation/glossary/{spanish.pk}/")
    expect(messages).to_contain_text("1 glossary warning has no reason yet.")
    spanish.refresh_from_db()
    assert not spanish.workflow_in_progress

    warning.get_by_label("Why the translation departs from the glossary").fill(REASON)
    warning.get_by_role("button", name="Give reason").click()
    expect(messages).to_contain_text("The reason is recorded; the reviewer will see it.")
    expect(warning).to_contain_text(REASON)
    assert GlossaryWarningReason.objects.get().given_by == translator
    page.get_by_role("link", name="Back to the translation editor").click()
    page.wait_for_url(editor_url)
    expect(messages).not_to_contain_text("depart from the glossary")
    page.get_by_role("button", name="Submit for review").click()
    expect(messages).to_contain_text("has been submitted to")

    spanish.refresh_from_db()
    assert spanish.workflow_in_progress
    assert spanish.get_workflow().name == roles.translation_review_name("es")
