"""Voting in polls: one vote per reader, results as text and bars."""

import re
from datetime import timedelta

import pytest

from django.utils import timezone

from surveys.models import PollPage, PollVote
from tests.publishing import publish_certified

from .helpers import render_tags

pytestmark = pytest.mark.django_db


def result_rows(html):
    """(answer, figures) of each results row, as a screen reader reads them."""
    return re.findall(
        r'<span class="poll-result__label">([^<]+)</span>\s*'
        r'<span class="poll-result__figures">([^<]+)</span>',
        html,
    )


def choice_id(poll, label):
    return poll.choices.get(label=label).pk


def test_the_poll_page_shows_the_seed_question_and_choices(hcp_client, poll):
    response = hcp_client.get(poll.url)

    assert response.status_code == 200
    assert "<h1>Your opinion matters</h1>" in response.text
    assert (
        "<legend>What is your perception of incorporating blinatumomab into upfront ALL "
        "treatment regimens alongside traditional chemotherapy and pegaspargase?</legend>"
    ) in response.text
    labels = re.findall(
        r'<input type="radio" name="choice" value="\d+"[^>]*>\s*([^<]+)</label>', response.text
    )
    assert [label.strip() for label in labels] == [
        "Very positive",
        "Somewhat positive",
        "Neutral / unsure",
        "Somewhat negative",
        "Very negative",
    ]
    # No token: the form's POST is checked by origin (hub_site/security/origin.py).
    assert 'name="csrfmiddlewaretoken"' not in response.text


def test_a_vote_is_stored_and_the_reader_sees_the_results(hcp_client, new_reader, poll):
    for address in ("10.0.0.2", "10.0.0.3"):
        new_reader(address).post(poll.url, {"choice": choice_id(poll, "Very positive")})

    response = hcp_client.post(poll.url, {"choice": choice_id(poll, "Neutral / unsure")})

    assert response.status_code == 303
    assert response["Location"] == f"{poll.url}#poll-{poll.pk}"
    vote = PollVote.objects.get(choice__label="Neutral / unsure")
    assert vote.poll_id == poll.pk
    assert vote.locale.language_code == "en"
    assert vote.article is None
    page = hcp_client.get(poll.url).text
    assert "Thank you for voting." in page
    assert "<form" not in page.split("<main")[1]
    assert result_rows(page) == [
        ("Very positive", "67% (2 votes)"),
        ("Somewhat positive", "0% (0 votes)"),
        ("Neutral / unsure", "33% (1 vote)"),
        ("Somewhat negative", "0% (0 votes)"),
        ("Very negative", "0% (0 votes)"),
    ]
    assert '<span class="poll-result__bar" aria-hidden="true"><span style="width: 67%">' in page
    assert "3 votes in total." in page


def test_a_vote_on_an_article_returns_to_it(hcp_client, poll, article):
    response = hcp_client.post(
        poll.url, {"choice": choice_id(poll, "Very positive"), "article": article.pk}
    )

    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#poll-{poll.pk}"
    assert PollVote.objects.get().article_id == article.pk
    card = render_tags(
        "{% poll_card poll article=article %}", hcp_client, poll=poll, article=article
    )
    assert "Thank you for voting." in card
    assert "100% (1 vote)" in card


def test_a_second_vote_from_the_same_session_counts_nothing(hcp_client, poll):
    hcp_client.post(poll.url, {"choice": choice_id(poll, "Very positive")})
    hcp_client.get(poll.url)

    response = hcp_client.post(poll.url, {"choice": choice_id(poll, "Very negative")})

    assert response.status_code == 303
    assert list(PollVote.objects.values_list("choice__label", flat=True)) == ["Very positive"]
    assert "You have already voted in this poll." in hcp_client.get(poll.url).text


def test_a_new_session_from_the_same_address_is_refused_within_the_window(
    hcp_client, new_reader, poll
):
    hcp_client.post(poll.url, {"choice": choice_id(poll, "Very positive")})

    response = new_reader().post(poll.url, {"choice": choice_id(poll, "Very negative")})

    assert response.status_code == 429
    assert "answered from your network a moment ago" in response.text
    assert PollVote.objects.count() == 1


def test_results_after_closing_stay_hidden_until_the_poll_closes(hcp_client, make_poll):
    poll = make_poll(
        "hidden",
        results_shown=PollPage.RESULTS_AFTER_CLOSE,
        closes_at=timezone.now() + timedelta(days=2),
    )

    hcp_client.post(poll.url, {"choice": choice_id(poll, "Yes")})
    page = hcp_client.get(poll.url).text

    assert "Thank you for voting." in page
    assert "The results will be shown when the poll closes on" in page
    assert "poll-results" not in page
    PollPage.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    closed = hcp_client.get(poll.url).text
    assert "100% (1 vote)" in closed
    assert "This poll has closed." in closed


def test_a_closed_poll_shows_its_results_to_everyone(hcp_client, new_reader, make_poll):
    poll = make_poll("closed", closes_at=timezone.now() + timedelta(hours=1))
    new_reader("10.0.0.9").post(poll.url, {"choice": choice_id(poll, "No")})
    PollPage.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))

    page = hcp_client.get(poll.url).text

    assert "<form" not in page.split("<main")[1]
    assert "No</span>" in page
    assert "100% (1 vote)" in page


def test_a_poll_not_open_yet_says_when_it_opens(hcp_client, make_poll):
    poll = make_poll("later", opens_at=timezone.now() + timedelta(days=1))

    page = hcp_client.get(poll.url).text

    assert "This poll opens on" in page
    assert "<form" not in page.split("<main")[1]


def test_votes_in_every_language_version_are_counted_together(
    hcp_client, new_reader, poll, home, spanish
):
    spanish_home = home.copy_for_translation(spanish)
    publish_certified(spanish_home.save_revision())
    spanish_poll = poll.copy_for_translation(spanish)
    publish_certified(spanish_poll.save_revision())
    spanish_choice = spanish_poll.choices.get(
        translation_key=poll.choices.get(label="Very positive").translation_key
    )

    new_reader("10.0.0.5").post(spanish_poll.url, {"choice": spanish_choice.pk})
    hcp_client.post(poll.url, {"choice": choice_id(poll, "Very positive")})

    assert PollVote.objects.get(poll=spanish_poll).locale == spanish
    rows, total = poll.results()
    assert total == 2
    assert [(row.choice.label, row.votes) for row in rows][0] == ("Very positive", 2)
    # One reader, one vote, whichever language version they find it in.
    again = hcp_client.post(spanish_poll.url, {"choice": spanish_choice.pk})
    assert again.status_code == 303
    assert PollVote.objects.count() == 2


def test_results_are_counted_in_one_query(poll, django_assert_num_queries):
    with django_assert_num_queries(1):
        poll.vote_counts()
