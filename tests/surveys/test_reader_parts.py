"""A reader's own parts of a shared page (surveys/views.py, hub_site/templatetags/
reader_parts.py, hub_site/cache/edge_includes.py).

A page rendered for a reader without a reader cookie marks its poll and survey with nginx
SSI commands; nginx fills them in, for a reader with one, from the fragment views. The
one-off notice after an answer has a cookie of its own, which the page that shows it
deletes.
"""

import re

import pytest

from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from hub_site.demo.surveys import feature_poll_on_article
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from surveys.models import PollPage

from .conftest import add_article
from .helpers import answers
from .test_polls import choice_id

pytestmark = pytest.mark.django_db

EDGE_INCLUDES = {"X-Hub-Edge-Includes": "1"}
MARKER = re.compile(
    r'<!--# block name="(?P<name>[^"]+)" -->(?P<default>.*?)<!--# endblock -->'
    r'<!--# include virtual="(?P<url>[^"]+)" stub="(?P=name)" -->',
    re.DOTALL,
)
VOTED = "You have already voted in this poll."
ANSWERED = "You have already answered this survey. Thank you for your feedback."


def markers(html):
    """{fragment URL: (block name, default markup)} of every marked part."""
    return {m["url"]: (m["name"], m["default"]) for m in MARKER.finditer(html)}


def poll_part_url(poll, article=None):
    url = reverse("surveys:poll_reader_part", args=[poll.pk])
    return f"{url}?article={article.pk}" if article else url


def survey_part_url(survey, article=None):
    url = reverse("surveys:survey_reader_part", args=[survey.pk])
    return f"{url}?article={article.pk}" if article else url


def squeezed(html):
    return " ".join(html.split())


@pytest.fixture
def featured(poll, article):
    feature_poll_on_article(poll, article)
    article.refresh_from_db()
    return poll


@pytest.fixture
def voter(featured, article, new_reader):
    """A reader who voted on the article's poll and has seen the thank-you since."""
    reader = new_reader()
    reader.post(
        reverse("surveys:poll_vote", args=[featured.pk]),
        {"choice": choice_id(featured, "Very positive"), "article": article.pk},
    )
    del reader.cookies[settings.READER_NOTICE_COOKIE_NAME]  # as the next page would
    return reader


@pytest.fixture
def respondent(survey, article, new_reader):
    """A reader who answered the article's feedback survey."""
    reader = new_reader()
    reader.post(survey.url, answers(article=str(article.pk)))
    del reader.cookies[settings.READER_NOTICE_COOKIE_NAME]
    return reader


def assert_private_and_cookieless(response):
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not response.cookies


# The fragment views


def test_the_poll_part_of_a_reader_without_state_is_the_open_form(featured, article, new_reader):
    response = new_reader().get(poll_part_url(featured, article))

    assert_private_and_cookieless(response)
    assert 'class="poll-form"' in response.text
    assert f'<input type="hidden" name="article" value="{article.pk}">' in response.text
    assert "<html" not in response.text and "<section" not in response.text


def test_the_poll_part_of_a_voter_shows_their_state_and_the_results(voter, featured, article):
    response = voter.get(poll_part_url(featured, article))

    assert_private_and_cookieless(response)
    assert VOTED in response.text
    assert "100% (1 vote)" in response.text
    assert 'class="poll-form"' not in response.text


def test_the_poll_part_without_an_article_is_the_home_page_s(voter, featured):
    response = voter.get(poll_part_url(featured))

    assert_private_and_cookieless(response)
    assert VOTED in response.text


def test_the_survey_part_of_a_reader_without_state_is_the_open_form(survey, article, new_reader):
    response = new_reader().get(survey_part_url(survey, article))

    assert_private_and_cookieless(response)
    assert 'class="survey-form"' in response.text
    assert f'action="{survey.url}"' in response.text


def test_the_survey_part_of_a_respondent_says_they_answered(respondent, survey, article, home):
    response = respondent.get(survey_part_url(survey, article))
    other_article = add_article(home, "Inotuzumab in relapsed ALL", "inotuzumab-relapsed")

    assert_private_and_cookieless(response)
    assert ANSWERED in response.text
    # Answers are per article: on another one the form is open.
    elsewhere = respondent.get(survey_part_url(survey, other_article))
    assert 'class="survey-form"' in elsewhere.text


def test_a_part_consumes_no_notice(featured, article, new_reader):
    reader = new_reader()
    reader.post(
        reverse("surveys:poll_vote", args=[featured.pk]),
        {"choice": choice_id(featured, "Neutral / unsure"), "article": article.pk},
    )
    assert reader.cookies[settings.READER_NOTICE_COOKIE_NAME].value

    part = reader.get(poll_part_url(featured, article))
    page = reader.get(article.url)

    assert_private_and_cookieless(part)
    assert "Thank you for voting." not in part.text
    assert VOTED in part.text
    assert "Thank you for voting." in page.text  # the notice was left for the page
    assert reader.cookies[settings.READER_NOTICE_COOKIE_NAME].value == ""  # which deleted it


def test_a_part_is_the_same_markup_the_page_shows_the_reader(
    voter, respondent, featured, survey, article
):
    for reader, part_url in [
        (voter, poll_part_url(featured, article)),
        (respondent, survey_part_url(survey, article)),
    ]:
        page = reader.get(article.url).text
        part = reader.get(part_url).text

        assert "<!--#" not in page
        assert squeezed(part) in squeezed(page)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_a_part_answers_get_and_head_only(featured, article, new_reader, method):
    reader = new_reader()

    response = getattr(reader, method)(poll_part_url(featured, article))

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert reader.head(poll_part_url(featured, article)).status_code == 200


def test_an_unknown_unpublished_or_private_poll_or_survey_is_not_found(
    featured, survey, make_poll, new_reader
):
    unpublished = make_poll("unpublished")
    PollPage.objects.filter(pk=unpublished.pk).update(live=False)
    private = make_poll("private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    reader = new_reader()
    urls = [
        reverse("surveys:poll_reader_part", args=[9_999_999]),
        reverse("surveys:poll_reader_part", args=[2**70]),
        reverse("surveys:poll_reader_part", args=[unpublished.pk]),
        reverse("surveys:poll_reader_part", args=[private.pk]),
        reverse("surveys:poll_reader_part", args=[survey.pk]),  # a survey is not a poll
        reverse("surveys:survey_reader_part", args=[featured.pk]),
    ]

    for url in urls:
        response = reader.get(url)
        assert response.status_code == 404, url
        assert response.text == "This poll, survey or quiz could not be found."
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("article_value", ["abc", "999999", "-1", "1.5", str(2**70), "1/"])
def test_a_bad_article_is_refused_with_a_clear_message(featured, survey, new_reader, article_value):
    reader = new_reader()

    for url in (poll_part_url(featured), survey_part_url(survey)):
        response = reader.get(url, {"article": article_value})
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response.text == (
            "The article this poll, survey or quiz was asked for could not be found."
        )


def test_the_refusal_is_in_the_reader_s_language(featured, new_reader):
    response = new_reader().get(
        reverse("surveys:poll_reader_part", args=[featured.pk]).replace("/en/", "/fr/", 1),
        {"article": "abc"},
    )

    assert response.status_code == 400
    assert response.text == (
        "L’article pour lequel ce sondage, ce questionnaire ou ce quiz a été demandé est "
        "introuvable."
    )


def test_the_edge_includes_header_does_not_touch_a_part(voter, featured, article):
    response = voter.get(poll_part_url(featured, article), headers=EDGE_INCLUDES)

    assert VOTED in response.text


# Markers in the shared copy


def test_the_marked_markup_is_the_same_for_a_reader_with_a_session(
    featured, survey, article, new_reader
):
    with_session = new_reader()
    with_session.cookies[settings.SESSION_COOKIE_NAME] = "a-session-of-no-one"
    first = markers(with_session.get(article.url).text)
    second = markers(with_session.get(article.url).text)

    assert first == second
    assert first == markers(new_reader().get(article.url).text)
    for url, (_name, default) in second.items():
        assert new_reader().get(url).text == default


def test_the_home_page_marks_its_poll_without_an_article(featured, home, new_reader):
    response = new_reader().get(home.url)

    assert list(markers(response.text)) == [poll_part_url(featured)]


def test_the_poll_and_survey_pages_mark_their_bodies(featured, survey, new_reader):
    assert list(markers(new_reader().get(featured.url).text)) == [poll_part_url(featured)]
    assert list(markers(new_reader().get(survey.url).text)) == [survey_part_url(survey)]
    # Where the reader corrects their answers, the form is theirs: nothing is marked.
    refused = new_reader().post(survey.url, answers(levels=(4, 5, 3, 9)))
    assert refused.status_code == 400
    assert "<!--#" not in refused.text


def test_a_preview_marks_nothing(admin_client, featured):
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[featured.pk]))

    assert response.status_code == 200
    assert 'class="poll-form"' in response.text
    assert "<!--#" not in response.text


# The notice cookie


def test_an_answer_leaves_a_notice_the_next_page_shows_once(survey, article, new_reader):
    reader = new_reader()

    answer = reader.post(survey.url, answers(article=str(article.pk)))
    shown = reader.get(answer["Location"])
    after = reader.get(article.url)

    assert answer.status_code == 303
    assert "Thank you for your feedback: it helps us plan" in shown.text
    assert shown.cookies[settings.READER_NOTICE_COOKIE_NAME]["max-age"] == 0
    assert ANSWERED in after.text and not after.cookies


# Pages nginx fills in (X-Hub-Edge-Includes)


def test_the_header_on_other_requests_changes_nothing(voter, featured, article):
    confirmed = Client()
    confirmed.cookies[COOKIE_NAME] = signed_confirmation()

    vote = voter.post(
        reverse("surveys:poll_vote", args=[featured.pk]),
        {"choice": choice_id(featured, "Very negative"), "article": article.pk},
        headers=EDGE_INCLUDES,
    )

    # The voter is still known: their second vote is not counted.
    assert vote.status_code == 303
    assert VOTED in voter.get(article.url).text
    assert featured.results()[1] == 1
    assert confirmed.get(article.url, headers=EDGE_INCLUDES).status_code == 200


# The tag


def render(source, **context):
    return Template("{% load reader_parts %}" + source).render(Context(context))


def test_the_tag_without_a_url_outputs_its_content_as_it_is():
    assert render("{% reader_part url %}<p>{{ x }}</p>{% endreader_part %}", x="a&b") == (
        "<p>a&amp;b</p>"
    )


def test_the_tag_wraps_its_content_in_nginx_ssi_commands():
    html = render("{% reader_part url %}<p>default</p>{% endreader_part %}", url="/en/part/?a=1")

    name = MARKER.fullmatch(html)["name"]
    assert html == (
        f'<!--# block name="{name}" --><p>default</p><!--# endblock -->'
        f'<!--# include virtual="/en/part/?a=1" stub="{name}" -->'
    )
    other = render("{% reader_part url %}x{% endreader_part %}", url="/en/part/?a=2")
    assert MARKER.fullmatch(other)["name"] != name


def test_the_tag_escapes_the_url_so_it_cannot_end_the_attribute():
    html = render("{% reader_part url %}x{% endreader_part %}", url='/en/"--><script>')

    assert '"--><script>' not in html
    assert 'virtual="/en/&quot;--&gt;&lt;script&gt;"' in html


def test_the_tag_takes_one_argument():
    with pytest.raises(TemplateSyntaxError, match="takes one argument"):
        render("{% reader_part %}x{% endreader_part %}")
