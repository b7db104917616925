import pytest

from django.db import connections


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """The rows migrations created, serialized once when the test database was set up."""
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture
def keep_migrated_state(migrated_state):
    # Playwright's sync API runs the tests in another context, where Django hands out
    # new connection objects that lack the serialized state a rollback restores from.
    for alias, contents in migrated_state.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def live_site(keep_migrated_state, live_server, transactional_db, django_db_serialized_rollback):
    """A live server on 127.0.0.1 whose database is restored after the test.

    Serialized rollback brings back the rows migrations create (locales, the default site
    and its home page), which a transactional test's flush would otherwise remove.
    """
    return live_server


@pytest.fixture
def hcp_client(client):
    """A test client for a reader who has passed the HCP confirmation.

    Use it for every request to a reader page; the plain ``client`` is a first-time reader.
    """
    return client
