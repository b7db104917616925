import pytest

from tests.kept_rows import kept
from tests.support.libretranslate import libretranslate_server  # noqa: F401 - fixture
from tests.surveys.conftest import article, demo, home, poll, survey  # noqa: F401 - fixtures
from tests.translation.helpers import publish_english_page, publish_figures_page
from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures


@pytest.fixture
def libretranslate(settings, libretranslate_server):  # noqa: F811
    """wagtail-localize's machine translator pointed at the loopback server.

    Set through pytest-django's ``settings``, as the tests set theirs: it undoes every
    change in reverse order. An ``override_settings`` of its own, undone before a change
    the test made after it, would leave this translator configured for later tests.
    """
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "hub_site.translation.machine.LibreTranslateTranslator",
        "OPTIONS": {"URL": libretranslate_server.url, "API_KEY": "test-key"},
    }
    return libretranslate_server


@pytest.fixture
@kept
def english_page(db):
    return publish_english_page("About us", "about-us", "Welcome, patients")


@pytest.fixture
@kept
def figures_page(db):
    return publish_figures_page()
