import pytest

from django.db import connections

# The serialized copy of the freshly migrated test database, per database alias.
_serialized_contents = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's database setup, keeping the serialized copy where live_site finds it.

    Django keeps that copy on the connection object. Once Playwright's sync API runs an event
    loop in this thread, Django hands out a different connection object (asgiref's
    thread-critical local switches to per-context storage), which lacks the copy, so the
    serialized rollback of later tests would silently restore nothing.
    """
    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            _serialized_contents[alias] = contents


@pytest.fixture
def _serialized_contents_on_this_connection():
    for alias, contents in _serialized_contents.items():
        connection = connections[alias]
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = contents


@pytest.fixture
def live_site(
    _serialized_contents_on_this_connection,
    live_server,
    transactional_db,
    django_db_serialized_rollback,
):
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
