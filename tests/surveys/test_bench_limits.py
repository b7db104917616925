"""The benchmark's switch: loopback clients may vote as many readers, nobody else may."""

import pytest

from surveys.models import PollVote

pytestmark = pytest.mark.django_db


def vote(reader, poll, article):
    choice = poll.choices.first()
    return reader.post(poll.url, {"choice": choice.pk, "article": article.pk})


def test_with_the_switch_loopback_votes_as_many_readers(settings, new_reader, poll, article):
    settings.SURVEY_LIMITS_SKIP_LOOPBACK = True

    answers = [vote(new_reader("127.0.0.1"), poll, article).status_code for _ in range(15)]

    assert answers == [303] * 15
    assert PollVote.objects.filter(poll=poll).count() == 15


def test_with_the_switch_a_reader_still_votes_once(settings, new_reader, poll, article):
    settings.SURVEY_LIMITS_SKIP_LOOPBACK = True
    reader = new_reader("127.0.0.1")

    vote(reader, poll, article)
    vote(reader, poll, article)

    assert PollVote.objects.filter(poll=poll).count() == 1


def test_with_the_switch_other_addresses_keep_their_limits(settings, new_reader, poll, article):
    settings.SURVEY_LIMITS_SKIP_LOOPBACK = True

    first = vote(new_reader("203.0.113.7"), poll, article)
    second = vote(new_reader("203.0.113.7"), poll, article)

    assert (first.status_code, second.status_code) == (303, 429)


def test_without_the_switch_loopback_is_limited_like_any_address(new_reader, poll, article):
    first = vote(new_reader("127.0.0.1"), poll, article)
    second = vote(new_reader("127.0.0.1"), poll, article)

    assert (first.status_code, second.status_code) == (303, 429)
    assert PollVote.objects.filter(poll=poll).count() == 1
