"""Scheduled work that runs once however many machines schedule it.

Every machine may carry the same timers (publishing at go-live, certification expiry,
retention): ``manage.py run_scheduled <command>`` runs the command only while holding a
lock named after it, and skips it when another run holds the lock. On PostgreSQL the lock
is an advisory lock, held by the run's database connection (released when it ends, or
when its machine dies); on SQLite, which serves one machine, a lock file in the system's
temporary folder.
"""

import contextlib
import fcntl
import hashlib
import tempfile
from pathlib import Path

from django.db import connection


def lock_id(name):
    """A 64-bit key for PostgreSQL's advisory locks, the same on every machine."""
    digest = hashlib.sha256(f"hub-scheduled:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.contextmanager
def postgresql_lock(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_id(name)])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_id(name)])


@contextlib.contextmanager
def file_lock(name):
    path = Path(tempfile.gettempdir()) / f"hub-scheduled-{lock_id(name):x}.lock"
    with open(path, "w") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


def exclusive(name):
    """A context manager giving True when this run holds the lock named ``name``."""
    return postgresql_lock(name) if connection.vendor == "postgresql" else file_lock(name)
