import pytest

from django.conf import settings
from django.test import Client

from wagtail.models import Locale, Site

from articles.models import ArticleIndexPage
from hub_site.demo.surveys import load_surveys
from surveys.models import PollChoice, PollPage
from tests.articles.factories import create_article, create_index
from tests.caches import empty_caches
from tests.kept_rows import kept
from tests.publishing import publish_certified


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits live in the cache, which outlives a test's database rollback."""
    empty_caches()
    yield
    empty_caches()


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
@kept
def demo(home):
    """The seed's feedback survey (the site's default) and poll."""
    return load_surveys(home)


@pytest.fixture
def survey(demo):
    return demo[0]


@pytest.fixture
def poll(demo):
    return demo[1]


def add_page(parent, page):
    parent.add_child(instance=page)
    publish_certified(page.save_revision())
    return page


def add_article(home, title, slug, publish=True):
    """An article under ``home``'s article index (created when missing)."""
    index = ArticleIndexPage.objects.child_of(home).first() or create_index(parent=home)
    return create_article(index, title=title, slug=slug, publish=publish)


@pytest.fixture
@kept
def article(home):
    return add_article(home, "Blinatumomab in upfront ALL", "blinatumomab-upfront")


@pytest.fixture
@kept
def quiz(home):
    from tests.surveys.quiz_helpers import make_quiz  # which builds on add_page, above

    return make_quiz(home)


@pytest.fixture
@kept
def quiz_article(article, quiz):
    """The article, published with the quiz."""
    article.quiz = quiz
    publish_certified(article.save_revision())
    return article


@pytest.fixture
def make_poll(home):
    def make(slug, choices=("Yes", "No"), **fields):
        fields.setdefault("title", slug.replace("-", " ").capitalize())
        fields.setdefault("question", "Do you agree?")
        return add_page(
            home,
            PollPage(slug=slug, choices=[PollChoice(label=label) for label in choices], **fields),
        )

    return make


@pytest.fixture
def new_reader(hcp_client):
    """Another confirmed reader: the HCP client's cookies without its reader cookie."""

    def make(address="127.0.0.1"):
        reader = Client(REMOTE_ADDR=address)
        for name, morsel in hcp_client.cookies.items():
            if name not in (settings.SESSION_COOKIE_NAME, settings.READER_COOKIE_NAME):
                reader.cookies[name] = morsel.value
        return reader

    return make


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")
