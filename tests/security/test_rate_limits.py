"""Public POSTs past their per-address limit get a clear 429 page and store nothing."""

import pytest

from wagtail.contrib.forms.models import FormSubmission

from surveys.models import PollVote
from tests.security.conftest import live_page


def assert_clear_429(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "Please wait a moment" in body
    assert '<html lang="' in body  # the site's own page, not a bare error


@pytest.mark.django_db
def test_the_gate_confirmation_is_limited_per_address(client, settings, db):
    limit, _window = settings.PUBLIC_POST_RATE_LIMITS["hcp_confirm"]
    for _attempt in range(limit):
        assert client.post("/en/hcp-confirm/", {"next": "/en/"}).status_code == 303

    refused = client.post("/en/hcp-confirm/", {"next": "/en/"})
    elsewhere = client.post("/en/hcp-confirm/", {"next": "/en/"}, REMOTE_ADDR="192.0.2.9")

    assert_clear_429(refused)
    assert "hcp_confirmed" not in refused.cookies
    assert elsewhere.status_code == 303


@pytest.mark.django_db
def test_the_support_form_is_limited_per_address(hcp_client, settings, demo):
    support = live_page("supportpage")
    limit, _window = settings.PUBLIC_POST_RATE_LIMITS["support_form"]
    data = {"content_suggestion": "More on MRD."}
    for _attempt in range(limit):
        assert hcp_client.post(support.url, data).status_code == 200
    stored = FormSubmission.objects.count()

    refused = hcp_client.post(support.url, data)

    assert_clear_429(refused)
    assert FormSubmission.objects.count() == stored


@pytest.mark.django_db
def test_the_limit_page_is_translated(client, settings, db):
    settings.PUBLIC_POST_RATE_LIMITS = {**settings.PUBLIC_POST_RATE_LIMITS, "hcp_confirm": (0, 60)}

    refused = client.post("/es/hcp-confirm/", {"next": "/es/"})

    assert refused.status_code == 429
    assert '<html lang="es">' in refused.content.decode()


@pytest.mark.django_db
def test_poll_votes_are_limited_per_address(hcp_client, settings, demo):
    limit, _window = settings.PUBLIC_POST_RATE_LIMITS["surveys_and_polls"]
    poll = live_page("pollpage")
    votes = PollVote.objects.count()  # the demo's fictional readers'
    responses = [
        hcp_client.post(poll.url, {"choice": "not-a-choice"}) for _attempt in range(limit + 1)
    ]

    assert {response.status_code for response in responses[:-1]} == {400}
    assert_clear_429(responses[-1])
    assert PollVote.objects.count() == votes
