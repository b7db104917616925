"""The production configuration through nginx: edge cache, gate and purge on publish."""

import time
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from tests.production.conftest import confirmation_cookie, eventually, fetch, shell

HOME = "/en/"
INDEX = "/en/articles/"
SEED_ARTICLE = "/en/articles/allo-hsct-cr2-ayas-with-all-dual-center-study/"


def fetch_again(url, cookie):
    """The answer to a reader's second request: the first may have put it at the edge."""
    fetch(url, cookie)
    return fetch(url, cookie)


def test_a_confirmed_reader_is_served_from_the_edge_cache(stack):
    status, headers, _ = fetch_again(stack.base_url + INDEX, confirmation_cookie())

    assert status == 200
    assert headers["X-Edge-Cache"] == "HIT"
    assert "public" in headers["Cache-Control"]


def test_a_reader_without_the_cookie_gets_the_gate_after_a_confirmed_one_was_cached(stack):
    assert fetch_again(stack.base_url + INDEX, confirmation_cookie())[1]["X-Edge-Cache"] == "HIT"

    status, headers, _ = fetch(stack.base_url + INDEX)

    assert status == 303
    assert headers["Location"].startswith("/en/hcp-confirm/?next=")
    assert headers["X-Edge-Cache"] == "BYPASS"
    assert "no-store" in headers["Cache-Control"]


@pytest.mark.parametrize("own_state", ["sessionid=someone", "hub_notice=thanks"])
def test_a_reader_with_a_session_or_a_notice_is_never_answered_from_the_edge(stack, own_state):
    cookie = confirmation_cookie()
    fetch(stack.base_url + INDEX, cookie)

    _, headers, _ = fetch(stack.base_url + INDEX, f"{cookie}; {own_state}")

    assert headers["X-Edge-Cache"] == "BYPASS"


def test_the_seed_article_with_its_survey_and_poll_is_kept_at_the_edge(stack):
    status, headers, body = fetch_again(stack.base_url + SEED_ARTICLE, confirmation_cookie())

    assert status == 200
    assert headers["X-Edge-Cache"] == "HIT"
    assert 'class="survey-form"' in body
    assert 'class="poll-form"' in body
    # The forms carry no per-reader token (docs/deploy.md, "Forms on cached pages").
    assert "csrfmiddlewaretoken" not in body
    assert "Set-Cookie" not in headers


def test_a_page_with_a_token_form_is_not_kept_at_the_edge(stack):
    _, headers, body = fetch_again(stack.base_url + "/en/support/", confirmation_cookie())

    assert "csrfmiddlewaretoken" in body  # the support form keeps Django's CSRF token
    assert headers["X-Edge-Cache"] == "MISS"
    assert "private" in headers["Cache-Control"]


def test_each_app_server_answers_from_the_shared_app_cache_with_the_edge_bypassed(stack):
    cookie = confirmation_cookie()
    # Both asked for the same site, as a load balancer passes the reader's Host.
    host = {"Host": "127.0.0.1"}
    first, second = (f"http://127.0.0.1:{port}{SEED_ARTICLE}" for port in stack.app_ports)
    fetch(first, cookie, headers=host)

    # Rendered by the first, answered by the second from Redis.
    status, headers, body = fetch(second, cookie, headers=host)

    assert status == 200
    assert headers["X-App-Cache"] == "HIT"
    assert 'class="survey-form"' in body
    # The app cache, like the edge, is behind the gate.
    assert fetch(second, headers=host)[0] == 303


def survey_form(body):
    form = BeautifulSoup(body, "html.parser").select_one("form.survey-form")
    fields = {f["name"]: f["value"] for f in form.select("input[type=hidden], input[type=radio]")}
    return form["action"], urllib.parse.urlencode(fields).encode()


def count_responses(stack):
    return int(
        shell(
            stack,
            "from surveys.models import SurveyResponse\nprint(SurveyResponse.objects.count())\n",
        )
    )


def test_a_survey_form_from_the_edge_copy_is_accepted_and_a_cross_site_post_refused(stack):
    cookie = confirmation_cookie()
    _, headers, body = fetch_again(stack.base_url + SEED_ARTICLE, cookie)
    assert headers["X-Edge-Cache"] == "HIT"
    action, data = survey_form(body)
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    before = count_responses(stack)

    status, _, page = fetch(
        stack.base_url + action,
        cookie,
        method="POST",
        data=data,
        headers={**form_type, "Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert status == 403
    assert "This form was not sent from a page of this site" in page
    assert count_responses(stack) == before

    status, headers, _ = fetch(
        stack.base_url + action,
        cookie,
        method="POST",
        data=data,
        headers={**form_type, "Origin": stack.base_url, "Sec-Fetch-Site": "same-origin"},
    )
    assert status == 303
    assert count_responses(stack) == before + 1
    set_cookies = headers.get_all("Set-Cookie")
    (reader,) = (c.split(";")[0] for c in set_cookies if c.startswith("hub_reader="))
    (notice,) = (c.split(";")[0] for c in set_cookies if c.startswith("hub_notice="))
    # The reader, with the one-off notice, passes both caches and sees their thank-you.
    _, headers, page = fetch(stack.base_url + SEED_ARTICLE, f"{cookie}; {reader}; {notice}")
    assert headers["X-Edge-Cache"] == "BYPASS"
    assert "survey-message--success" in page
    # Then the shared copy, with their answer filled in: no form for them.
    _, headers, page = fetch(stack.base_url + SEED_ARTICLE, f"{cookie}; {reader}")
    assert headers["X-Edge-Cache"] == "HIT"
    assert 'class="survey-form"' not in page
    assert "private" in headers["Cache-Control"]
    # Everyone else still shares the cached copy with the form: an answer changes nothing
    # it shows.
    _, headers, page = fetch(stack.base_url + SEED_ARTICLE, cookie)
    assert headers["X-Edge-Cache"] == "HIT"
    assert 'class="survey-form"' in page


SEED_ARTICLE_QUERY = (
    "from articles.models import ArticlePage\n"
    "from tests.publishing import publish_certified\n"
    "page = ArticlePage.objects.get(locale__language_code='en', "
    f"slug={SEED_ARTICLE.split('/')[-2]!r})\n"
)


def set_learning_objective(stack, text):
    shell(
        stack,
        f"{SEED_ARTICLE_QUERY}page.learning_objective = {text!r}\n"
        "publish_certified(page.save_revision())\n",
    )


def fetch_once_it_shows(url, cookie, text):
    """(status, headers, body) of the first answer showing ``text``, or the last within a
    second: the purge is sent after the commit, before the publishing command returns."""
    answers = []

    def shows_text():
        answers.append(fetch(url, cookie))
        return text in answers[-1][2]

    eventually(shows_text, seconds=1)
    return answers[-1]


def test_publishing_the_seed_article_purges_it_at_both_layers(stack):
    cookie = confirmation_cookie()
    assert fetch_again(stack.base_url + SEED_ARTICLE, cookie)[1]["X-Edge-Cache"] == "HIT"
    original = shell(stack, f"{SEED_ARTICLE_QUERY}print(page.learning_objective, end='')\n")
    marker = f"Purge check {time.time_ns()}"
    try:
        set_learning_objective(stack, marker)
        _, headers, body = fetch_once_it_shows(stack.base_url + SEED_ARTICLE, cookie, marker)
        assert marker in body
        assert headers["X-Edge-Cache"] == "MISS"
        # Each app server's copy in the shared app cache was retired too.
        for port in stack.app_ports:
            assert marker in fetch(f"http://127.0.0.1:{port}{SEED_ARTICLE}", cookie)[2]
    finally:
        set_learning_objective(stack, original)


def test_publishing_an_article_purges_the_cached_index_and_home_at_once(stack):
    cookie = confirmation_cookie()
    for path in (INDEX, HOME):
        assert fetch_again(stack.base_url + path, cookie)[1]["X-Edge-Cache"] == "HIT"
    title = f"Edge purge check {time.time_ns()}"

    shell(
        stack,
        "from articles.models import ArticlePage\n"
        "from tests.publishing import publish_certified\n"
        "page = ArticlePage.objects.filter(locale__language_code='en').live()"
        ".order_by('-date').first()\n"
        f"page.title = {title!r}\n"
        "publish_certified(page.save_revision())\n",
    )
    _, headers, body = fetch_once_it_shows(stack.base_url + INDEX, cookie, title)

    assert title in body
    assert headers["X-Edge-Cache"] == "MISS"
    # The home page lists the newest articles: its edge copy went in the same purge.
    _, headers, body = fetch(stack.base_url + HOME, cookie)
    assert title in body
    assert headers["X-Edge-Cache"] == "MISS"
    # Each app server, asked directly, shows it too: they share the database and cache.
    for port in stack.app_ports:
        for path in (INDEX, HOME):
            assert title in fetch(f"http://127.0.0.1:{port}{path}", cookie)[2], (port, path)


def test_changing_a_funder_purges_every_page_footer(stack):
    cookie = confirmation_cookie()
    about = "/en/about/"
    for path in (INDEX, about):
        fetch(stack.base_url + path, cookie)
    name = f"Purge Pharma {time.time_ns() % 100000}"

    shell(
        stack,
        "from home.models import FunderPage\n"
        "from tests.publishing import publish_certified\n"
        "page = FunderPage.objects.filter(locale__language_code='en').live()"
        ".filter(funding_type='sponsor').first()\n"
        f"page.title = {name!r}\n"
        "publish_certified(page.save_revision())\n",
    )

    for path in (INDEX, about):
        assert eventually(lambda p=path: name in fetch(stack.base_url + p, cookie)[2]), path


SPONSOR_QUERY = (
    "from home.models import FunderPage\n"
    "from tests.publishing import publish_certified\n"
    "page = FunderPage.objects.filter(locale__language_code='en')"
    ".filter(funding_type='sponsor').order_by('pk').first()\n"
)


def test_unpublishing_a_funder_purges_it_from_every_page_footer(stack):
    cookie = confirmation_cookie()
    paths = (HOME, INDEX, SEED_ARTICLE)
    name = f"Withdrawn Pharma {time.time_ns() % 100000}"
    shell(stack, f"{SPONSOR_QUERY}page.title = {name!r}\npublish_certified(page.save_revision())\n")
    for path in paths:
        # Kept at the edge with the name (once nginx has loaded the namespaces the purge and
        # its repurge started: a reload may land between two requests).
        def from_the_edge_with_the_name(p=path):
            _, headers, body = fetch(stack.base_url + p, cookie)
            return headers["X-Edge-Cache"] == "HIT" and name in body

        assert eventually(from_the_edge_with_the_name), path
    try:
        shell(stack, f"{SPONSOR_QUERY}page.unpublish()\n")

        for path in paths:
            assert eventually(lambda p=path: name not in fetch(stack.base_url + p, cookie)[2]), path
    finally:
        shell(stack, f"{SPONSOR_QUERY}publish_certified(page.save_revision())\n")
