"""Counts stay exact when many readers vote at once (PostgreSQL only)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from django.conf import settings
from django.db import connection, connections

from surveys.models import PollVote
from surveys.reader_identity import ReaderState

READERS = 24

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every write, so it cannot show concurrent votes; "
        "run with DATABASE_URL=postgres://… to test them",
    ),
]


def fire(requests):
    """Send every request at the same moment, each from its own thread and connection."""
    start = threading.Barrier(len(requests))

    def send(request):
        try:
            start.wait()
            return request()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(send, requests))


def test_concurrent_votes_from_different_readers_are_each_counted_once(poll, new_reader):
    choices = list(poll.choices.all())
    readers = [new_reader(f"10.1.0.{n}") for n in range(READERS)]
    votes = [choices[n % len(choices)] for n in range(READERS)]

    responses = fire(
        [
            lambda reader=reader, choice=choice: reader.post(poll.url, {"choice": choice.pk})
            for reader, choice in zip(readers, votes, strict=True)
        ]
    )

    assert [response.status_code for response in responses] == [303] * READERS
    assert PollVote.objects.count() == READERS
    rows, total = poll.results()
    assert total == READERS
    assert {row.choice.pk: row.votes for row in rows} == {
        choice.pk: votes.count(choice) for choice in choices
    }


def test_concurrent_votes_from_one_reader_are_counted_once(poll, new_reader):
    reader = new_reader()
    identity = ReaderState()
    identity.start()
    reader.cookies[settings.READER_COOKIE_NAME] = identity.as_cookie_value()
    choice = poll.choices.first()
    # One reader sending from several addresses at once (a phone switching networks):
    # only the unique constraint stands between these votes.
    clones = []
    for n in range(8):
        clone = new_reader(f"10.2.0.{n}")
        clone.cookies = reader.cookies
        clones.append(clone)

    responses = fire([lambda c=clone: c.post(poll.url, {"choice": choice.pk}) for clone in clones])

    assert [response.status_code for response in responses] == [303] * 8
    assert PollVote.objects.count() == 1
