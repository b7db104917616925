"""The reader's cookies (surveys/reader_identity.py, surveys/notices.py): who answered,
signed, without a session row, and their one-off notice in a short-lived cookie of its own;
tampered or expired cookies count as a new reader, or as no notice."""

import time

import pytest

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client

from surveys.models import PollVote
from surveys.notices import NOTICE_MAX_AGE, ReaderNotice
from surveys.reader_identity import ReaderState, state_from_cookie

from .test_polls import choice_id

pytestmark = pytest.mark.django_db


def vote(client, poll, label="Very positive"):
    return client.post(poll.url, {"choice": choice_id(poll, label)})


def test_a_vote_gives_the_reader_a_signed_http_only_cookie_and_no_session(hcp_client, poll):
    response = vote(hcp_client, poll)

    cookie = response.cookies[settings.READER_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert not cookie["max-age"]  # forgotten when the browser closes
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()


def test_the_notice_has_a_short_lived_signed_http_only_cookie_of_its_own(hcp_client, poll):
    response = vote(hcp_client, poll)

    notice = response.cookies[settings.READER_NOTICE_COOKIE_NAME]
    assert notice["httponly"] and notice["samesite"] == "Lax"
    assert notice["max-age"] == NOTICE_MAX_AGE == 600
    assert signing.loads(notice.value, salt="surveys.reader.notice") == {
        "target": f"poll:{poll.translation_key}",
        "state": "thanks",
    }
    reader = response.cookies[settings.READER_COOKIE_NAME].value
    # The id, and a nonce that makes each signing differ: nothing else.
    assert set(signing.loads(reader, salt="surveys.reader")) == {"id", "nonce"}


def test_the_thank_you_shows_once_then_the_reader_is_known_to_have_voted(hcp_client, poll):
    vote(hcp_client, poll)
    reader_cookie = hcp_client.cookies[settings.READER_COOKIE_NAME].value

    first = hcp_client.get(poll.url)
    second = hcp_client.get(poll.url)

    assert "Thank you for voting." in first.text
    assert "Thank you for voting." not in second.text
    assert "You have already voted in this poll." in second.text
    # The page that showed the notice deleted its cookie, and left the reader cookie alone.
    deleted = first.cookies[settings.READER_NOTICE_COOKIE_NAME]
    assert deleted.value == "" and deleted["max-age"] == 0
    assert settings.READER_COOKIE_NAME not in first.cookies
    assert not second.cookies
    assert hcp_client.cookies[settings.READER_COOKIE_NAME].value == reader_cookie


@pytest.mark.parametrize(
    "value",
    ["not-signed", "a" * 400, signing.dumps({"id": "short"}, salt="surveys.reader")],
    ids=["unsigned", "garbage", "signed but not a reader id"],
)
def test_a_bad_cookie_counts_as_a_new_reader(hcp_client, poll, value):
    hcp_client.cookies[settings.READER_COOKIE_NAME] = value

    response = vote(hcp_client, poll)

    assert response.status_code == 303
    assert PollVote.objects.count() == 1
    assert response.cookies[settings.READER_COOKIE_NAME].value != value


def test_a_forged_notice_shows_nothing(hcp_client, poll):
    forged = signing.dumps(
        {"target": f"poll:{poll.translation_key}", "state": "thanks"}, salt="not-the-apps-salt"
    )
    hcp_client.cookies[settings.READER_NOTICE_COOKIE_NAME] = forged

    assert "Thank you for voting." not in hcp_client.get(poll.url).text


def test_a_notice_older_than_its_lifetime_shows_nothing(hcp_client, poll, monkeypatch):
    notice = ReaderNotice()
    notice.leave(f"poll:{poll.translation_key}", "thanks")
    signed_at = time.time() - NOTICE_MAX_AGE - 1
    with monkeypatch.context() as clock:
        clock.setattr(time, "time", lambda: signed_at)
        hcp_client.cookies[settings.READER_NOTICE_COOKIE_NAME] = notice.as_cookie_value()

    assert "Thank you for voting." not in hcp_client.get(poll.url).text


def test_a_reader_cookie_from_before_the_notice_cookie_still_counts_and_its_notice_is_ignored(
    hcp_client, poll
):
    reader_id = "b" * 32
    target = f"poll:{poll.translation_key}"
    hcp_client.cookies[settings.READER_COOKIE_NAME] = signing.dumps(
        {"id": reader_id, "flash": {"target": target, "state": "thanks"}},
        salt="surveys.reader",
        compress=True,
    )

    before = hcp_client.get(poll.url)
    voted = vote(hcp_client, poll)

    assert before.status_code == 200
    assert "Thank you for voting." not in before.text
    assert 'class="poll-form"' in before.text
    assert voted.status_code == 303
    # The same reader, signed anew with their answer, without the old notice.
    renewed = voted.cookies[settings.READER_COOKIE_NAME].value
    assert signing.loads(renewed, salt="surveys.reader")["id"] == reader_id
    assert vote(hcp_client, poll).status_code == 303
    assert PollVote.objects.count() == 1  # the second vote is the same reader's


def test_a_cookie_older_than_a_session_may_live_counts_as_a_new_reader(
    hcp_client, poll, monkeypatch
):
    vote(hcp_client, poll)
    reader_id = state_from_cookie(hcp_client.cookies[settings.READER_COOKIE_NAME].value).reader_id
    # The same reader's cookie, as the app signed it longer ago than a session lasts.
    signed_at = time.time() - settings.SESSION_COOKIE_AGE - 1
    with monkeypatch.context() as clock:
        clock.setattr(time, "time", lambda: signed_at)
        expired = ReaderState(reader_id).as_cookie_value()
    later = Client(REMOTE_ADDR="10.0.0.9")  # another address: the per-address claim is apart
    later.cookies = hcp_client.cookies
    later.cookies[settings.READER_COOKIE_NAME] = expired

    response = vote(later, poll, "Very negative")

    assert response.status_code == 303
    assert PollVote.objects.count() == 2
    assert response.cookies[settings.READER_COOKIE_NAME].value != expired


def test_a_reader_id_round_trips_through_the_cookie_value():
    state = ReaderState()
    state.start()

    raw = state.as_cookie_value()

    assert signing.loads(raw, salt="surveys.reader")["id"] == state.reader_id
    # Signed twice in the same second, the values still differ: the edge keeps a reader's
    # parts under the whole cookie value.
    assert state.as_cookie_value() != raw
    assert state_from_cookie(raw).reader_id == state.reader_id
