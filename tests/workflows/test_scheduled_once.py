"""Scheduled work runs once however many machines' timers start it
(``manage.py run_scheduled``, hub_site/scheduled.py): a run that finds the lock held skips,
so two timers never publish the same go-live twice."""

import contextlib
from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from wagtail.models import PageLogEntry

from home.models import HomePage, StandardPage
from hub_site.scheduled import exclusive, lock_id
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def due(team, home):
    """A page whose approved go-live time has passed, not yet published."""
    page = home.add_child(instance=StandardPage(title="Scheduled", slug="scheduled", live=False))
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision(user=team["manager"])
    publish_certified(revision, user=team["manager"])
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    return page


def publications(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


@contextlib.contextmanager
def held_by_another_machine(name):
    """The lock ``name``, held by another run: its own database connection (advisory locks
    are per connection, and a connection may take its own again), or its own lock file."""
    if connection.vendor != "postgresql":
        with exclusive(name) as held:
            yield held
        return
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_id(name)])
            yield cursor.fetchone()[0]
    finally:
        other.close()


def run_scheduled(*args):
    out = StringIO()
    call_command("run_scheduled", *args, stdout=out)
    return out.getvalue()


def test_a_run_publishes_what_is_due(due):
    run_scheduled("publish_scheduled")

    due.refresh_from_db()
    assert due.live and publications(due) == 1


def test_a_second_timer_while_the_first_runs_skips_and_publishes_nothing(due):
    with held_by_another_machine("publish_scheduled") as held:  # its run, under way
        assert held
        said = run_scheduled("publish_scheduled")
        due.refresh_from_db()
        assert not due.live and publications(due) == 0
        assert "another run holds the lock; skipped" in said

    # The first run publishes; a timer after it finds nothing left to publish.
    run_scheduled("publish_scheduled")
    run_scheduled("publish_scheduled")
    due.refresh_from_db()
    assert due.live and publications(due) == 1


def test_each_scheduled_command_has_its_own_lock(due):
    with held_by_another_machine("certification_expiry"):
        run_scheduled("publish_scheduled")

    due.refresh_from_db()
    assert due.live


def test_only_the_scheduled_commands_may_be_run_this_way():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        run_scheduled("flush")
