"""Fixtures whose database work is done once per test process, and put back as rows after.

Building a page through the review workflow, or the seed's survey and poll, takes a tenth
of a second to a second, and some fixtures run for most tests of a package. ``kept`` wraps
such a fixture: the first time it runs on a given database content, the rows it changed
(and the media files it wrote) are kept in memory, as ``tests.demo_rows`` keeps the demo
content; each later time it finds the same content, it writes them back and hands out the
same objects, read again from the database.

What a fixture builds depends on the database and on its plain arguments (a date, a
parameter): both are compared whole (a digest of every model table's rows), so a fixture
put back always finds the database as its first run did, and leaves it as its first run
left it. Its other arguments must keep nothing of their own from it: a test client that
signs in to build the fixture signs out before it returns (checked), and a factory
function writes only to the database.

Refused with a TypeError on the first run: a value holding anything but model instances
(in lists, tuples or dicts) and plain values, or instances carrying attributes the
database does not give back.
"""

import datetime
import functools
import hashlib
from dataclasses import dataclass

from django.db import connections
from django.db.models import Model
from django.test import Client

from tests.demo_rows import DemoRows, changed_rows, media_files, put_back, read_tables

PLAIN = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class KeptBuild:
    rows: DemoRows
    value: object  # the fixture's value, with (model, pk) in place of each instance


# {(fixture, its plain arguments, digest of the content before): KeptBuild}, for this
# process's test database.
kept_builds = {}


def kept(fixture_function):
    """Decorate a fixture function (under ``@pytest.fixture``) that returns its value."""

    @functools.wraps(fixture_function)
    def build_or_put_back(*args, **kwargs):
        connection = connections["default"]
        tables_before = read_tables(connection)
        key = (
            fixture_function.__module__,
            fixture_function.__qualname__,
            values_of(args, kwargs),
            digest(tables_before),
        )
        build = kept_builds.get(key)
        if build is not None:
            put_back(build.rows, "default")
            return restored(build.value)
        media_before = media_files()
        clients = [arg for arg in (*args, *kwargs.values()) if isinstance(arg, Client)]
        cookies_before = [client.cookies.output() for client in clients]
        value = fixture_function(*args, **kwargs)
        if [client.cookies.output() for client in clients] != cookies_before:
            raise TypeError(f"{fixture_function.__name__} leaves its test client changed")
        kept_builds[key] = KeptBuild(
            rows=changed_rows(connection, tables_before, media_before),
            value=reference(value),
        )
        return value

    return build_or_put_back


def values_of(args, kwargs):
    """The plain values among a fixture's arguments (a date, a parameter). Its model
    instances are in the database's digest; anything else (a test client, a factory) must
    not change what it builds."""
    return tuple(
        (name, repr(value))
        for name, value in sorted({**dict(enumerate(args)), **kwargs}.items(), key=str)
        if isinstance(value, (*PLAIN, datetime.date, datetime.timedelta))
    )


def digest(tables):
    hashed = hashlib.sha256()
    for table, (columns, rows) in sorted(tables.items()):
        hashed.update(repr((table, columns, sorted(map(repr, rows)))).encode())
    return hashed.hexdigest()


def reference(value):
    if isinstance(value, Model):
        fresh = type(value)._meta.default_manager.get(pk=value.pk)
        # Values the class computes and caches (cached_property) come back when read.
        extra = {
            name
            for name in vars(value)
            if not name.startswith("_") and not hasattr(type(value), name)
        } - set(vars(fresh))
        if extra:
            raise TypeError(f"{value!r} carries {sorted(extra)}, which no query gives back")
        return KeptInstance(type(value), value.pk)
    if isinstance(value, (list, tuple)):
        return type(value)(reference(item) for item in value)
    if isinstance(value, dict):
        return {key: reference(item) for key, item in value.items()}
    if isinstance(value, PLAIN):
        return value
    raise TypeError(f"a kept fixture's value cannot hold a {type(value).__name__}")


@dataclass(frozen=True)
class KeptInstance:
    model: type
    pk: object


def restored(value):
    if isinstance(value, KeptInstance):
        return value.model._meta.default_manager.get(pk=value.pk)
    if isinstance(value, (list, tuple)):
        return type(value)(restored(item) for item in value)
    if isinstance(value, dict):
        return {key: restored(item) for key, item in value.items()}
    return value
