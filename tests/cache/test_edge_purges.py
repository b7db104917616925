"""Which saved rows purge the edge, and how often: the one list of what readers see.

Wagtail's frontend-cache backends get every live page's URLs after the commit when a row
readers see is saved (an image, a snippet, a setting); nothing for rows no reader page
shows (a draft's revision, a workflow state, a vote); once per transaction.
"""

import time

import pytest

from django.apps import apps
from django.db import connection, transaction

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from hub_site.cache import invalidation
from surveys.models import PollPage, PollVote
from tests.cache import edge_recorder
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def recording_edge(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "tests.cache.edge_recorder.RecordingBackend"}
    }
    edge_recorder.purged_batches.clear()
    yield
    edge_recorder.purged_batches.clear()


@pytest.fixture
def edge(article, topic):
    """The purges recorded from here on, the fixtures' own rows committed (as it were).

    The test's transaction never commits: the callbacks the fixtures' saves left waiting
    for it are run now, as a commit would, so that each test starts with none waiting.
    """
    waiting, connection.run_on_commit[:] = connection.run_on_commit[:], []
    for _savepoints, callback, _robust in waiting:
        callback()
    edge_recorder.purged_batches.clear()
    return edge_recorder.purged_batches


def test_every_name_in_the_not_shown_lists_is_installed():
    for app_label in invalidation.NOT_SHOWN_APPS:
        assert apps.get_app_config(app_label), app_label
    # Wagtail defines its full-text index table only on SQLite.
    on_this_database = invalidation.NOT_SHOWN_MODELS - (
        set() if connection.vendor == "sqlite" else {"wagtailsearch.SQLiteFTSIndexEntry"}
    )
    for label in on_this_database:
        assert apps.get_model(label), label


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Figure", file=get_test_image_file())


def test_an_edited_image_purges_every_live_page(
    image, article, edge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Figure 1"
        image.save()

    assert len(edge) == 1
    assert any(url.endswith(article.url) for url in edge[0])


def test_a_draft_purges_nothing_and_its_publication_does(
    article, edge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "A draft title"
        revision = article.save_revision()
    assert edge == []

    with django_capture_on_commit_callbacks(execute=True):
        publish_certified(revision)

    assert edge, "publishing purges"
    assert any(url.endswith(article.url) for url in edge[-1])


def test_a_vote_purges_nothing(article, edge, django_capture_on_commit_callbacks):
    poll = PollPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        PollVote.objects.create(
            poll=poll,
            poll_key=poll.translation_key,
            choice=poll.choices.first(),
            locale=poll.locale,
            respondent="r" * 64,
        )

    assert edge == []


def test_many_rows_in_one_transaction_purge_once(
    article, topic, edge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for name in ("Haematology", "Transplant medicine", "Immunotherapy"):
                topic.name = name
                topic.save()
        assert edge == [], "nothing before the commit"

    assert len(edge) == 1


def test_every_purge_is_sent_again_after_in_flight_responses_arrived(
    image, article, edge, settings, django_capture_on_commit_callbacks
):
    settings.EDGE_REPURGE_SECONDS = 0.1
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Figure 1"
        image.save()
    assert len(edge) == 1

    deadline = time.monotonic() + 5
    while len(edge) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)

    assert edge == [edge[0], edge[0]]
    assert any(url.endswith(article.url) for url in edge[1])
