import pytest


@pytest.fixture
def live_site(live_server, transactional_db, django_db_serialized_rollback):
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
