import pytest

from django.db import connections, transaction
from django.test.utils import setup_databases, teardown_databases

from tests.caches import empty_caches
from tests.demo_rows import load_demo_content
from tests.support.migrated_template import start_from_template


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The test database, migrated, and its migrated rows serialized for rollback.

    It starts as a copy of a migrated template (``tests.support.migrated_template``):
    kept as copied, so migrate finds nothing to do, and destroyed after the run as usual.

    pytest-django's own fixture sets up only the databases the collected tests ask for by
    name; the demo server of the browser tests (``demo_server``) needs it too. The rows are
    kept here: Django keeps them on the connection object, and once Playwright's event loop
    runs in this thread, asgiref hands out other connection objects, which lack them.
    """
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=0,
            interactive=False,
            aliases={"default"},
            serialized_aliases={"default"},
            keepdb=start_from_template(connections["default"]),
        )
    # Neither Django nor pytest-django has a public way to read or hand over those rows:
    # the attribute is private to Django's test database creation, and serialized rollback
    # breaking under Playwright is pytest-dev/pytest-django#1117, still open.
    yield {
        alias: connections[alias]._test_serialized_contents  # noqa: SLF001 - see above
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")  # noqa: HUB001 - see above
    }
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="module")
def demo_content_for_module(django_db_setup, django_db_blocker):
    """The demo content (``load_demo``, kept as rows by ``tests.demo_rows``), put in once for
    a module's tests and rolled back after its last test. Each test runs inside it: its
    own transaction is a savepoint, rolled back after it, so every test starts from the
    same demo content.

    Use it in modules whose every database test reads the demo content: a test of the
    module that does not ask for it still runs with it there.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_content()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_content(demo_content_for_module, db):
    """The demo content, loaded once per module (``demo_content_for_module``)."""


@pytest.fixture
def serialized_rows_on_this_connection(django_db_setup):
    for alias, rows in django_db_setup.items():
        # Private to Django, with no public setter: django_db_setup says why.
        connections[alias]._test_serialized_contents = rows  # noqa: SLF001 - pytest-django#1117


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
