import pytest

from wagtail.models import Locale

from tests.articles.factories import create_index, create_topic, home_page
from tests.kept_rows import kept
from tests.publishing import publish_certified


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
@kept
def article_index(home):
    return create_index(home)


def translated_index(home, language_code, title, slug):
    """An article index in the published translation of the home page into a language."""
    translated_home = home.copy_for_translation(Locale.objects.get(language_code=language_code))
    publish_certified(translated_home.save_revision())
    return create_index(translated_home, title=title, slug=slug)


@pytest.fixture
@kept
def spanish_index(home):
    return translated_index(home, "es", "Artículos", "articulos")


@pytest.fixture
@kept
def topics(db):
    """Live English topics, by slug."""
    return {
        topic.slug: topic
        for topic in (
            create_topic("Transplantation"),
            create_topic("MRD", slug="mrd"),
            create_topic("AYA", slug="aya"),
        )
    }


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated images go to a fresh folder per test."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
