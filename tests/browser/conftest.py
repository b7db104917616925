"""Playwright driving Debian's Chromium against the live server."""

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections

from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from tests.demo_rows import load_demo_content

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
def browser_context(django_db_setup):
    """One Chromium per test process. The test database is set up first: once Playwright's
    event loop runs in this thread, asgiref hands out new connection objects, made from the
    settings as they are then."""
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


@pytest.fixture(scope="module")
def demo_server(django_db_setup, django_db_blocker):
    """A live server of its own with the demo content committed, once for a module whose
    tests only read it (a test that writes uses ``live_site`` and loads what it needs).

    Its own: pytest-django empties the database after every test that uses its
    ``live_server``. The database starts from its migrated rows, as a ``live_site`` test
    does, and is left with them after the module's last test.
    """

    def load_demo():
        restore_migrated_rows(django_db_setup)
        load_demo_content()

    with django_db_blocker.unblock():
        in_a_thread_of_its_own(load_demo)
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()
    with django_db_blocker.unblock():
        in_a_thread_of_its_own(lambda: restore_migrated_rows(django_db_setup))


def in_a_thread_of_its_own(work):
    """Run ``work`` with database connections of its own, closed after it.

    Once Playwright's event loop runs in the test thread, asgiref hands the thread's code
    connection objects of the loop's context, which nothing commits or closes.
    """

    def run():
        try:
            work()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()


def restore_migrated_rows(rows_by_alias):
    """Empty the database and put back the rows migrations made, as Django's serialized
    rollback does: the sequences go on from where they are, past the ids put back.

    Django writes the rows app by app in INSTALLED_APPS order, so a page type's row comes
    before the content types', and Wagtail's Page() asks for its content type as it is
    built: the content types are read into Django's cache first, which answers it.
    """
    for alias, rows in rows_by_alias.items():
        ContentType.objects.db_manager(alias).get_for_models(*apps.get_models())
        call_command(
            "flush",
            database=alias,
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        connections[alias].creation.deserialize_db_from_string(rows)


@pytest.fixture
def demo_site(demo_server, django_db_blocker):
    """The module's demo server, for one test: its requests may use the database."""
    with django_db_blocker.unblock():
        yield demo_server
        # The test's own queries ran on connections of Playwright's loop context.
        connections.close_all()


@pytest.fixture
def hcp_demo_page(page, demo_site):
    """A confirmed reader's tab on ``demo_site``."""
    return confirmed(page, demo_site)


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
    return confirmed(page, live_site)


def confirmed(page, server):
    page.context.add_cookies(
        [
            {
                "name": COOKIE_NAME,
                "value": signed_confirmation(),
                "url": server.url,
                "httpOnly": True,
                "sameSite": "Lax",
            }
        ]
    )
    return page
