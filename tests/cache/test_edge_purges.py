"""What the edge is asked to purge, and how often: only the pages that showed a change.

Wagtail's frontend-cache backends get, after the commit and off the request, the URLs of
the cached pages that showed what changed (the index of cached pages), each once; every
page at once (``<root>/*``) for what every page shows; nothing for rows no reader page
shows (a draft's revision, a vote); one purge per transaction, sent again a moment later.
"""

import datetime

import pytest

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from hub_site.cache import dependencies
from surveys.models import PollPage, PollVote
from tests.articles.factories import create_article, create_topic
from tests.cache import edge_recorder
from tests.caches import empty_caches
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db

VARIANT = "?page=&topic=&q=&article="


@pytest.fixture(autouse=True)
def recording_edge(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "tests.cache.edge_recorder.RecordingBackend"}
    }
    edge_recorder.purged_batches.clear()
    yield
    edge_recorder.purged_batches.clear()


def full(url):
    return f"http://testserver{url}{VARIANT}"


@pytest.fixture
def edge(article, topic, django_capture_on_commit_callbacks):
    """The purges recorded from here on (the fixtures' own touches dropped, as if they had
    been committed before the pages were cached)."""
    empty_caches()
    edge_recorder.purged_batches.clear()
    return edge_recorder.purged_batches


def purged(capture, change):
    """Run ``change`` and its commit; the batches the edge was sent."""
    with capture(execute=True):
        change()
    return edge_recorder.purged_batches


def test_every_name_in_the_not_shown_lists_is_installed():
    for app_label in dependencies.NOT_SHOWN_APPS:
        assert apps.get_app_config(app_label), app_label
    # Wagtail defines its full-text index table only on SQLite.
    on_this_database = dependencies.NOT_SHOWN_MODELS - (
        set() if connection.vendor == "sqlite" else {"wagtailsearch.SQLiteFTSIndexEntry"}
    )
    for label in on_this_database:
        assert apps.get_model(label), label


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Figure", file=get_test_image_file())


def test_an_edited_image_purges_the_pages_that_showed_it(
    image, article_index, edge, hcp_client, django_capture_on_commit_callbacks
):
    with_image = create_article(article_index, title="With a figure", featured_image=image)
    empty_caches()
    for url in (with_image.url, article_index.url):
        assert hcp_client.get(url)["Cache-Control"].startswith("public")

    def edit():
        image.title = "Figure 1"
        image.save()

    batches = purged(django_capture_on_commit_callbacks, edit)

    # The article shows it; the index shows it on the article's card. Not the other article.
    assert batches == [sorted([full(with_image.url), full(article_index.url)])]


def test_a_draft_purges_nothing_and_its_publication_purges_what_shows_it(
    article, article_index, edge, hcp_client, django_capture_on_commit_callbacks
):
    other = create_article(article_index, title="Another article", topics=[])
    empty_caches()
    for url in (article.url, other.url, article_index.url):
        hcp_client.get(url)

    def draft():
        article.title = "A draft title"
        return article.save_revision()

    with django_capture_on_commit_callbacks(execute=True):
        revision = draft()
    assert edge == []

    batches = purged(django_capture_on_commit_callbacks, lambda: publish_certified(revision))

    assert batches == [sorted([full(article.url), full(article_index.url)])]
    assert hcp_client.get(other.url)["X-App-Cache"] == "HIT"


def test_a_vote_purges_nothing(article, edge, hcp_client, django_capture_on_commit_callbacks):
    hcp_client.get(article.url)
    poll = PollPage.objects.live().first()

    def vote():
        PollVote.objects.create(
            poll=poll,
            poll_key=poll.translation_key,
            choice=poll.choices.first(),
            locale=poll.locale,
            respondent="r" * 64,
        )

    assert purged(django_capture_on_commit_callbacks, vote) == []


def test_many_rows_in_one_transaction_purge_once(
    article, topic, edge, hcp_client, django_capture_on_commit_callbacks
):
    hcp_client.get(article.url)

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for name in ("Haematology", "Transplant medicine", "Immunotherapy"):
                topic.name = name
                topic.save()
        assert edge == [], "nothing before the commit"

    assert edge == [[full(article.url)]]


def test_what_every_page_shows_purges_everything_in_one_request(
    article, edge, hcp_client, home, django_capture_on_commit_callbacks
):
    hcp_client.get(article.url)

    def edit_home():
        home.title = "Welcome"
        publish_certified(home.save_revision())

    assert purged(django_capture_on_commit_callbacks, edit_home) == [["http://localhost/*"]]


@pytest.mark.parametrize("other_articles", [2, 25])
def test_a_publication_purges_the_same_whatever_the_size_of_the_site(
    other_articles, article, article_index, edge, hcp_client, django_capture_on_commit_callbacks
):
    """Only what shows the article is purged: the same URLs with 2 or 25 other cached
    articles (older, in another topic, each showing the others as related)."""
    elsewhere = create_topic("Elsewhere", slug="elsewhere")
    others = [
        create_article(
            article_index,
            title=f"Other {n}",
            slug=f"other-{n}",
            topics=[elsewhere],
            date=datetime.date(2020, 1, 1),
        )
        for n in range(other_articles)
    ]
    empty_caches()
    for page in (article, article_index, *others):
        hcp_client.get(page.url)

    def edit():
        article.summary = "A corrected summary."
        publish_certified(article.save_revision())

    batches = purged(django_capture_on_commit_callbacks, edit)

    assert batches == [sorted([full(article.url), full(article_index.url)])]
    assert all(hcp_client.get(page.url)["X-App-Cache"] == "HIT" for page in others)


def test_every_purge_is_sent_again_after_in_flight_responses_arrived(
    image,
    article_index,
    edge,
    settings,
    hcp_client,
    waiting_queue,
    django_capture_on_commit_callbacks,
):
    settings.EDGE_REPURGE_SECONDS = 2
    with_image = create_article(article_index, title="With a figure", featured_image=image)
    empty_caches()
    hcp_client.get(with_image.url)

    def edit():
        image.title = "Figure 1"
        image.save()

    with django_capture_on_commit_callbacks(execute=True):
        edit()
    changed = timezone.now()

    purges = [r for r in waiting_queue.results if r.task.name == "send_purges"]
    assert [r.args[0] for r in purges] == [[full(with_image.url)]] * 2
    assert purges[0].task.run_after is None
    assert 1.5 < (purges[1].task.run_after - changed).total_seconds() <= 2
