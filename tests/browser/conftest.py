"""Playwright driving Debian's Chromium against the live server."""

import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Without these, Chromium stalls on this closed network trying to reach Google's services.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_context():
    profile = tempfile.mkdtemp(prefix="hub-chromium-")
    # Serialized rollback survives Playwright's event loop thanks to tests/conftest.py's
    # ``serialized_rows_on_this_connection``, which ``live_site`` requests.
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            locale="en-GB",
        )
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context):
    browser_context.clear_cookies()
    tab = browser_context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    tab.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/screenshots/ (git-ignored)."""

    def take(name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def hcp_page(page, live_site):
    """A browser tab of a reader who has passed the HCP confirmation on the live site.

    Same tab and browser profile as ``page``: a test uses one or the other.
    """
    from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

    page.context.add_cookies(
        [
            {
                "name": COOKIE_NAME,
                "value": signed_confirmation(),
                "url": live_site.url,
                "httpOnly": True,
                "sameSite": "Lax",
            }
        ]
    )
    return page
