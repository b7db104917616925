import pytest

from django.core.cache import cache


@pytest.fixture
def live_site(live_server, transactional_db, django_db_serialized_rollback):
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


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache, as its database starts from the migrated state."""
    cache.clear()
