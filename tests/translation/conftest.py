import pytest

from django.test import override_settings

from home.models import HomePage, StandardPage
from tests.publishing import publish_certified
from tests.support.libretranslate import libretranslate_server  # noqa: F401 - fixture
from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures


@pytest.fixture
def libretranslate(libretranslate_server):  # noqa: F811
    """wagtail-localize's machine translator pointed at the loopback server."""
    setting = {
        "CLASS": "hub_site.translation.machine.LibreTranslateTranslator",
        "OPTIONS": {"URL": libretranslate_server.url, "API_KEY": "test-key"},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        yield libretranslate_server


@pytest.fixture
def english_page(db):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    page = home.add_child(
        instance=StandardPage(title="About us", slug="about-us", intro="Welcome, patients")
    )
    publish_certified(page.save_revision())
    return page
