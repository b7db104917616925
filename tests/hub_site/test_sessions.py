"""Sessions (hub_site/sessions/cached_db.py): written to the database, read through the
cache, and created without looking the new key up first."""

import pytest

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub_site.sessions.cached_db import SessionStore

pytestmark = pytest.mark.django_db


def test_a_new_session_is_one_insert_and_no_lookup():
    session = SessionStore()
    session["surveys_flash"] = {"target": "poll:1", "state": "thanks"}

    with CaptureQueriesContext(connection) as queries:
        session.save()

    statements = [q["sql"].split()[0] for q in queries.captured_queries]
    assert statements.count("INSERT") == 1
    assert "SELECT" not in statements

    stored = Session.objects.get(session_key=session.session_key)
    assert SessionStore().decode(stored.session_data)["surveys_flash"]["state"] == "thanks"


def test_a_key_already_taken_is_never_overwritten(monkeypatch):
    taken = SessionStore()
    taken["reader"] = "first"
    taken.save()
    keys = iter([taken.session_key, "k" * 32])
    # Django draws a new key in a private method, which the store overrides
    # (hub_site/sessions/cached_db.py): no public hook chooses the key.
    monkeypatch.setattr(SessionStore, "_get_new_session_key", lambda self: next(keys))  # noqa: HUB001 - see above

    second = SessionStore()
    second["reader"] = "second"
    second.save()

    assert second.session_key == "k" * 32
    assert SessionStore(taken.session_key).load()["reader"] == "first"
    assert SessionStore("k" * 32).load()["reader"] == "second"
