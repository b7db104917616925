"""The poll form's own target, /<lang>/polls/<id>/vote/ (surveys.views.vote_on_poll): the poll
page's handling of a vote without Wagtail's page routing."""

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from hub_site.demo.surveys import feature_poll_on_article
from surveys.models import PollVote

pytestmark = pytest.mark.django_db


def vote_url(poll):
    return reverse("surveys:poll_vote", args=[poll.pk])


@pytest.fixture
def featured(poll, article):
    feature_poll_on_article(poll, article)
    return poll


def poll_form(html):
    form = BeautifulSoup(html, "html.parser").select_one("form.poll-form")
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    data["choice"] = form.select("input[name=choice]")[-1]["value"]
    return form["action"], data


def test_the_article_s_poll_form_votes_at_the_vote_url(hcp_client, featured, article):
    action, data = poll_form(hcp_client.get(article.url).text)
    assert action == vote_url(featured)

    response = hcp_client.post(action, data)

    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#poll-{featured.pk}"
    vote = PollVote.objects.get()
    assert (vote.poll_id, vote.article_id) == (featured.pk, article.pk)
    assert "Thank you for voting." in hcp_client.get(response["Location"]).text


def test_a_second_vote_from_the_same_reader_is_not_counted(hcp_client, featured, article):
    action, data = poll_form(hcp_client.get(article.url).text)
    hcp_client.post(action, data)

    response = hcp_client.post(action, data)

    assert response.status_code == 303
    assert PollVote.objects.count() == 1
    assert "You have already voted in this poll." in hcp_client.get(response["Location"]).text


def test_a_get_shows_the_poll_page(hcp_client, poll):
    response = hcp_client.get(vote_url(poll))

    assert response.status_code == 303
    assert response["Location"] == poll.url


def test_other_methods_are_not_allowed(hcp_client, poll):
    assert hcp_client.put(vote_url(poll)).status_code == 405
    assert not PollVote.objects.exists()


def test_an_unknown_poll_is_not_found(hcp_client, poll):
    response = hcp_client.post(reverse("surveys:poll_vote", args=[poll.pk + 1000]), {"choice": "1"})

    assert response.status_code == 404


def test_a_poll_unpublished_after_a_vote_is_not_found(hcp_client, featured, article):
    action, data = poll_form(hcp_client.get(article.url).text)
    hcp_client.post(action, data)

    featured.unpublish()

    assert hcp_client.post(action, data).status_code == 404
    assert PollVote.objects.count() == 1


def test_a_reader_without_the_confirmation_is_sent_to_the_gate(client, poll):
    response = client.post(vote_url(poll), {"choice": poll.choices.first().pk})

    assert response.status_code == 303
    assert response["Location"].startswith("/en/hcp-confirm/?next=")
    assert not PollVote.objects.exists()


def test_a_cross_site_vote_is_refused(hcp_client, poll):
    reader = Client(enforce_csrf_checks=True)
    reader.cookies = hcp_client.cookies

    response = reader.post(
        vote_url(poll),
        {"choice": poll.choices.first().pk},
        headers={"Origin": "https://evil.example"},
    )

    assert response.status_code == 403
    assert not PollVote.objects.exists()


def test_a_private_poll_sends_the_vote_to_its_page_which_asks_for_the_password(hcp_client, poll):
    PageViewRestriction.objects.create(
        page=poll, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    response = hcp_client.post(vote_url(poll), {"choice": poll.choices.first().pk})

    assert response.status_code == 307
    assert response["Location"] == poll.url
    followed = hcp_client.post(response["Location"], {"choice": poll.choices.first().pk})
    assert 'name="password"' in followed.text
    assert not PollVote.objects.exists()
