import pytest

from django.db import connections

from tests.caches import empty_caches


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's test database, and the migrated rows it serialized for rollback.

    Django keeps those rows on the connection object; once Playwright's event loop runs in
    this thread, asgiref hands out other connection objects, which lack them.
    """
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture
def serialized_rows_on_this_connection(django_db_setup):
    for alias, rows in django_db_setup.items():
        connections[alias]._test_serialized_contents = rows


@pytest.fixture
def live_site(
    serialized_rows_on_this_connection,
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
def hcp_client():
    """A test client for a reader who has passed the HCP confirmation.

    It carries a freshly signed confirmation cookie, as the gate's "I am a healthcare
    professional" button sets it. Use it for every request to a reader page; the plain
    ``client`` (a separate client) is a first-time reader.
    """
    from django.test import Client

    from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

    confirmed = Client()
    confirmed.cookies[COOKIE_NAME] = signed_confirmation()
    return confirmed


@pytest.fixture
def waiting_queue(settings):
    """A task queue that keeps what is enqueued, and can defer it, as production's database
    queue does until its worker runs it (django-tasks' dummy backend). Tests elsewhere run
    tasks at once (the immediate backend)."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    return default_task_backend


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache, as its database starts from the migrated state."""
    empty_caches()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to a page in another language
    leaves that language active in the thread (Django's LocaleMiddleware activates it and
    nothing deactivates it), and code run outside a request would render in it."""
    from django.utils import translation

    translation.deactivate()
