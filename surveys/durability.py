"""Votes are committed without waiting for the disk.

A poll vote is one anonymous row, written by many readers at once; waiting for PostgreSQL
to flush its log to disk on every commit bounds the votes per second by the disk's flush
time (on a slow disk, 330 votes/s instead of 510). PostgreSQL's ``synchronous_commit =
off``, for the vote's transaction only, lets the commit return before the flush: the
database stays consistent, and a crash of the database server (not a restart, which
flushes first) can lose the votes of its last fraction of a second (at most three
``wal_writer_delay``, 0.6 s by default). Survey answers, support requests and everything
editors write keep the full guarantee.
"""

from django.db import connection


def commit_without_waiting_for_the_disk():
    """Call inside ``transaction.atomic()``: applies to that transaction only."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
