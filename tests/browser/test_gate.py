"""The HCP gate in a real browser: a reader confirms, a patient is sent on."""

from urllib.parse import quote

import pytest

from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.gate import SEED_GATE_COPY, load_gate_copy
from hub_site.gate.cookies import COOKIE_NAME

PATIENT_SITE_PAGE = (
    "<!DOCTYPE html><html lang='en'><head><title>Know ALL</title></head>"
    "<body><h1>Know ALL: for patients and carers</h1></body></html>"
)


@pytest.fixture
def article_path(demo_site):
    """The path of the seed article, from the demo content."""
    return f"/en/articles/{SEED_ARTICLE_SLUG}/"


@pytest.fixture
def seed_copy(demo_site):
    return load_gate_copy()


def site_cookies(page, demo_site):
    return {cookie["name"]: cookie for cookie in page.context.cookies(demo_site.url)}


def test_a_reader_lands_on_an_article_confirms_with_the_keyboard_and_reads_it(
    demo_site, page, article_path, seed_copy, screenshot
):
    asked_for = f"{article_path}?ref=newsletter"

    page.goto(demo_site.url + asked_for)

    assert page.url == f"{demo_site.url}/en/hcp-confirm/?next={quote(asked_for, safe='')}"
    assert page.get_by_role("heading", level=1).inner_text() == SEED_GATE_COPY["heading"]
    assert SEED_GATE_COPY["statement"] in page.locator("main").inner_text()
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    screenshot("gate")

    confirm_button = page.get_by_role("button", name=SEED_GATE_COPY["confirm_label"])
    for _ in range(20):  # keyboard only: tab through the page to the button
        page.keyboard.press("Tab")
        if confirm_button.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("The confirm button cannot be reached with the Tab key")
    outline = confirm_button.evaluate("button => getComputedStyle(button).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Enter")

    page.wait_for_url(demo_site.url + asked_for)
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study"
    )
    assert "Learning objective" in page.locator("main").inner_text()
    cookie = site_cookies(page, demo_site)[COOKIE_NAME]
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    footer_link = page.get_by_role("link", name=SEED_GATE_COPY["withdraw_label"])
    assert footer_link.is_visible()

    footer_link.click()
    page.get_by_role("button", name="Withdraw my confirmation").click()
    page.wait_for_url(f"{demo_site.url}/en/hcp-confirm/**")
    assert COOKIE_NAME not in site_cookies(page, demo_site)


def test_a_patient_is_sent_to_the_patient_site_and_confirms_nothing(
    demo_site, page, article_path, seed_copy, screenshot
):
    # The patient site is outside this closed network: the browser answers for it.
    page.route(
        f"{seed_copy.patient_site_url}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=PATIENT_SITE_PAGE),
    )
    page.set_viewport_size({"width": 640, "height": 450})  # a 1280-pixel screen at 200% zoom

    page.goto(demo_site.url + article_path)

    assert "/en/hcp-confirm/" in page.url
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    patient_link = page.get_by_role("link", name=SEED_GATE_COPY["patient_label"])
    assert patient_link.is_visible()
    screenshot("gate-200-percent")

    patient_link.click()

    page.wait_for_url(f"{seed_copy.patient_site_url}**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Know ALL")
    assert COOKIE_NAME not in site_cookies(page, demo_site)
    page.goto(demo_site.url + article_path)
    assert "/en/hcp-confirm/" in page.url
