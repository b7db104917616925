import pytest

from wagtail.models import Locale, Site

from home.models import StandardPage
from hub_site.demo.gate import load_gate_copy


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def gated_page(home):
    """A page readers must confirm for: stands in for an article (only its URL matters)."""
    return home.add_child(instance=StandardPage(title="About", slug="about"))


@pytest.fixture
def public_page(home):
    """Its sibling, marked "open to the public" by an editor."""
    return home.add_child(
        instance=StandardPage(title="Privacy", slug="privacy", open_to_public=True)
    )


@pytest.fixture
def gate_copy():
    """The seed's English copy, as the demo loads it."""
    return load_gate_copy()


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")
