"""The HCP journey works with the keyboard alone, with visible focus, and reader pages reflow
at 320 px and at 200% zoom without horizontal scrolling."""

import pytest
from playwright.sync_api import expect

from hub_site.demo.articles import SEED_ARTICLE_SLUG
from tests.browser.conftest import SCREENSHOTS

ARTICLE = f"/en/articles/{SEED_ARTICLE_SLUG}/"
MAX_TABS = 200

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        matchesFocusVisible: el.matches(':focus-visible'),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        boxShadow: style.boxShadow,
        label: (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '')
            .trim().slice(0, 60),
    };
}"""


def assert_focus_visible(page):
    focus = page.evaluate(FOCUS_STYLE)
    assert focus["matchesFocusVisible"], focus
    assert focus["outlineStyle"] != "none" and focus["outlineWidth"] >= 2, focus


def tab_to(page, locator):
    """Press Tab until ``locator`` has the focus, checking the focus is visible at each stop."""
    target = locator.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("el => el === document.activeElement", target):
            assert_focus_visible(page)
            return
        if page.evaluate("document.activeElement !== document.body"):
            assert_focus_visible(page)
    pytest.fail(f"{locator} never received the focus after {MAX_TABS} Tab presses")


def test_hcp_journey_with_the_keyboard_alone(demo_site, page, screenshot):
    page.goto(f"{demo_site.url}{ARTICLE}")
    assert "/hcp-confirm/" in page.url

    tab_to(page, page.get_by_role("button", name="I am a healthcare professional"))
    screenshot("keyboard-gate-focus")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_site.url}{ARTICLE}")

    survey = page.locator("form.survey-form")
    groups = survey.get_by_role("group")
    statements = groups.count()
    assert statements >= 4
    for index in range(statements):
        group = groups.nth(index)
        radios = group.get_by_role("radio")
        if radios.count() == 0:
            continue
        tab_to(page, radios.first)
        # Tab lands on the first radio of an unanswered group; arrows choose within it.
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        expect(radios.nth(2)).to_be_checked()
    tab_to(page, survey.get_by_role("button"))
    screenshot("keyboard-survey-submit-focus")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_site.url}{ARTICLE}#feedback")
    expect(page.get_by_role("status").first).to_contain_text("Thank you")

    poll = page.locator("form.poll-form")
    tab_to(page, poll.get_by_role("radio").first)
    page.keyboard.press("ArrowDown")
    tab_to(page, poll.get_by_role("button", name="Vote"))
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_text("Thank you for voting.")).to_be_visible()

    languages = page.get_by_role("navigation", name="Language")
    tab_to(page, languages.get_by_role("link", name="Español"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_site.url}/es/**")
    expect(page.locator("html")).to_have_attribute("lang", "es")


REFLOW_PATHS = [
    "/en/",
    "/en/articles/",
    ARTICLE,
    "/en/funders/",
    "/en/search/?q=MRD",
    "/en/support/",
    "/en/cookies/",
]


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(
    ("name", "viewport", "zoom"),
    [
        ("320px", {"width": 320, "height": 640}, 1),
        # 200% zoom of a 1280 px wide window lays the page out in 640 CSS pixels.
        ("zoom200", {"width": 1280, "height": 900}, 2),
    ],
)
def test_reader_pages_reflow_without_horizontal_scroll(
    demo_site, hcp_demo_page, screenshot, name, viewport, zoom
):
    context = hcp_demo_page.context
    tab = hcp_demo_page
    if zoom != 1:
        tab.close()
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        cdp = context.new_cdp_session(tab)
        cdp.send(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": viewport["width"] // zoom,
                "height": viewport["height"] // zoom,
                "deviceScaleFactor": zoom,
                "mobile": False,
            },
        )
    else:
        tab.set_viewport_size(viewport)
    overflowing = []
    for path in REFLOW_PATHS:
        tab.goto(f"{demo_site.url}{path}")
        slug = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "root"
        screenshot_path = f"reflow-{name}-{slug}"
        if tab is hcp_demo_page:
            screenshot(screenshot_path)
        else:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(SCREENSHOTS / f"{screenshot_path}.png"), full_page=True)
        if not no_horizontal_scroll(tab):
            overflowing.append(
                (path, tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"))
            )
    assert not overflowing, overflowing
