"""The edge (nginx) as readers and attackers meet it: it checks the HCP confirmation as the
app does, keeps one copy per page variant, and a change retires only what showed it."""

import json
import time
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from tests.production.conftest import (
    PREVIOUS_SECRET_KEY,
    confirmation_cookie,
    eventually,
    fetch,
    renewed,
    shell,
)

INDEX = "/en/articles/"
SEED_ARTICLE = "/en/articles/allo-hsct-cr2-ayas-with-all-dual-center-study/"
DAY = 86400


def cached(stack, path, cookie=None):
    """The page from the edge, after a first request that may have stored it (and renewed
    the reader's edge pass, which the second request then carries, as a browser would)."""
    cookie = cookie or confirmation_cookie()
    _, headers, _ = fetch(stack.base_url + path, cookie)
    if renewed(cookie, headers) != cookie:  # the edge passed it to the app: not stored
        cookie = renewed(cookie, headers)
        fetch(stack.base_url + path, cookie)
    status, headers, body = fetch(stack.base_url + path, cookie)
    assert (status, headers["X-Edge-Cache"]) == (200, "HIT"), path
    return body


def purges(stack):
    """The purge requests the edge has received: [(method, path with query)]."""
    log = stack.run_dir / "purges.log"
    if not log.exists():
        return []
    return [tuple(line.split()[1:3]) for line in log.read_text().splitlines()]


@pytest.mark.parametrize(
    "cookie",
    [
        "hcp_confirmed=forged",
        "hcp_confirmed=1:1a2b3c:forgedsignatureforgedsignatureforgedsigna",
        # An edge pass whose digest is not the secret's (and the confirmation no pass).
        "hcp_confirmed=forged; hub_edge_pass=4102444800.AAAAAAAAAAAAAAAAAAAAAA",
        # A pass copied from a valid one with a later expiry written in.
        "hcp_confirmed=forged; hub_edge_pass=4102444800." + confirmation_cookie().rsplit(".", 1)[1],
        confirmation_cookie(age_seconds=31 * DAY),  # older than the 30-day lifetime
        confirmation_cookie(secret_key="a-key-this-site-never-had-" + "x" * 30),
    ],
    ids=["forged", "forged-signature", "forged-pass", "extended-pass", "expired", "unknown-key"],
)
def test_a_confirmation_the_app_would_refuse_gets_the_gate_not_the_cached_page(stack, cookie):
    cached(stack, INDEX)

    status, headers, _ = fetch(stack.base_url + INDEX, cookie)

    assert status == 303
    assert headers["Location"].startswith("/en/hcp-confirm/?next=")
    assert headers["X-Edge-Cache"] == "BYPASS"


def test_a_confirmation_signed_with_the_previous_key_is_served_from_the_edge(stack):
    cached(stack, INDEX)
    before_the_rotation = confirmation_cookie(PREVIOUS_SECRET_KEY)

    # The pass the old key signed is refused; the app, which accepts the old confirmation,
    # renews it, and the edge serves the reader from then on.
    status, headers, _ = fetch(stack.base_url + INDEX, before_the_rotation)
    assert (status, headers["X-Edge-Cache"]) == (200, "BYPASS")
    _, headers, _ = fetch(stack.base_url + INDEX, renewed(before_the_rotation, headers))

    assert headers["X-Edge-Cache"] == "HIT"


def set_lifetime_days(stack, days):
    shell(
        stack,
        "from wagtail.models import Site\n"
        "from hub_site.gate.models import HcpGateSettings\n"
        "gate = HcpGateSettings.for_site(Site.objects.get(is_default_site=True))\n"
        f"gate.cookie_lifetime_days = {days}\n"
        "gate.save()\n",
    )


def test_a_shortened_lifetime_ends_older_confirmations_at_the_edge(stack):
    three_days_old = confirmation_cookie(age_seconds=3 * DAY)
    cached(stack, INDEX, three_days_old)
    try:
        set_lifetime_days(stack, 2)

        def refused_by_the_edge():
            # The app refuses the old confirmation as soon as the setting is saved; the edge
            # serves its copy until it has loaded the pushed policy, then refuses the pass.
            status, headers, _ = fetch(stack.base_url + INDEX, three_days_old)
            return status == 303 and headers["X-Edge-Cache"] == "BYPASS"

        assert eventually(refused_by_the_edge)
        # A confirmation younger than the new lifetime still gets the edge's copy.
        cached(stack, INDEX, confirmation_cookie(age_seconds=DAY))
    finally:
        set_lifetime_days(stack, 30)
    # Lengthened again (which retires every page), it passes again.
    assert eventually(lambda: fetch(stack.base_url + INDEX, three_days_old)[0] == 200)


ARTICLES = (
    "import json\n"
    "from articles.models import ArticlePage\n"
    "articles = list(ArticlePage.objects.filter(locale__language_code='en').live())\n"
    "related = {a.url: [r.url for r in a.related_articles()] for a in articles}\n"
    "print(json.dumps(related))\n"
)


def article_shown_by_few(stack):
    """(an English article, the articles showing it as related, one that does not)."""
    related = json.loads(shell(stack, ARTICLES))
    showing = {url: [a for a, shown in related.items() if url in shown] for url in related}
    chosen = min((url for url in related if url != SEED_ARTICLE), key=lambda url: len(showing[url]))
    other = next(a for a in related if a != chosen and a not in showing[chosen])
    return chosen, showing[chosen], other


def article_query(path):
    return (
        "from articles.models import ArticlePage\n"
        "from tests.publishing import publish_certified\n"
        "page = ArticlePage.objects.get(locale__language_code='en', "
        f"url_path__endswith={path.split('/')[-2] + '/'!r})\n"
    )


def test_editing_an_article_purges_what_shows_it_and_leaves_another_article_cached(stack):
    article, showing, other = article_shown_by_few(stack)
    slug = article.split("/")[-2]
    index_shows_it = slug in cached(stack, INDEX)
    for path in (article, other, *showing):
        cached(stack, path)
    before = len(purges(stack))
    query = article_query(article)
    original = shell(stack, f"{query}print(page.summary, end='')\n")
    marker = f"Corrected summary {time.time_ns()}"
    try:
        shell(stack, f"{query}page.summary = {marker!r}\npublish_certified(page.save_revision())\n")

        status, headers, body = fetch(stack.base_url + article, confirmation_cookie())
        assert (headers["X-Edge-Cache"], marker in body) == ("MISS", True)
        retired = [*showing, *([INDEX] if index_shows_it else [])]
        for path in retired:
            assert fetch(stack.base_url + path, confirmation_cookie())[1]["X-Edge-Cache"] == "MISS"
        assert fetch(stack.base_url + other, confirmation_cookie())[1]["X-Edge-Cache"] == "HIT"
        sent = {path.split("?")[0] for _method, path in purges(stack)[before:]}
        assert sent == {article, *retired}
    finally:
        shell(
            stack, f"{query}page.summary = {original!r}\npublish_certified(page.save_revision())\n"
        )


def test_a_funder_change_retires_every_page_in_one_request(stack):
    cookie = confirmation_cookie()
    for path in (INDEX, SEED_ARTICLE):
        cached(stack, path)
    before = len(purges(stack))
    query = (
        "from home.models import FunderPage\n"
        "from tests.publishing import publish_certified\n"
        "page = FunderPage.objects.filter(locale__language_code='en').live().order_by('pk')[0]\n"
    )
    original = shell(stack, f"{query}print(page.title, end='')\n")
    name = f"Renamed Pharma {time.time_ns() % 100000}"
    try:
        shell(stack, f"{query}page.title = {name!r}\npublish_certified(page.save_revision())\n")

        for path in (INDEX, SEED_ARTICLE):
            assert eventually(lambda p=path: name in fetch(stack.base_url + p, cookie)[2]), path
        # One request (and its repetition for responses in flight), whatever the site's size.
        assert set(purges(stack)[before:]) == {("PURGE", "/*")}
        assert len(purges(stack)[before:]) <= 2
    finally:
        shell(stack, f"{query}page.title = {original!r}\npublish_certified(page.save_revision())\n")


def test_a_withdrawn_article_is_gone_from_every_variant_at_once(stack):
    other = next(url for url in json.loads(shell(stack, ARTICLES)) if url != SEED_ARTICLE)
    variants = [other, f"{other}?utm_source=news", f"{other}?utm_source=x&fbclid=1", f"{other}?q=x"]
    cached(stack, variants[0])
    # Parameters no page reads share the page's copy.
    assert fetch(stack.base_url + variants[1], confirmation_cookie())[1]["X-Edge-Cache"] == "HIT"
    for path in variants:
        cached(stack, path)
    query = (
        "from wagtail.models import Page\n"
        "from tests.publishing import publish_certified\n"
        f"page = Page.objects.get(url_path__endswith={other.split('/')[-2] + '/'!r},"
        " locale__language_code='en').specific\n"
    )
    try:
        shell(stack, f"{query}page.unpublish()\n")

        for path in variants:
            assert fetch(stack.base_url + path, confirmation_cookie())[0] == 404, path
    finally:
        shell(stack, f"{query}publish_certified(page.save_revision())\n")


def answer(stack, cookie, form, fields):
    """Post ``fields`` to ``form``'s action as a browser on the site would; the reader cookie
    the answer is acknowledged with."""
    status, headers, _ = fetch(
        stack.base_url + form["action"],
        cookie,
        method="POST",
        data=urllib.parse.urlencode(fields).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": stack.base_url,
            "Sec-Fetch-Site": "same-origin",
        },
    )
    assert status == 303
    (reader,) = (
        c.split(";")[0] for c in headers.get_all("Set-Cookie") if c.startswith("hub_reader=")
    )
    return reader


def vote(stack, cookie, html):
    """Vote in the first poll of ``html``; the voter's reader cookie."""
    card = BeautifulSoup(html, "html.parser").select_one("form.poll-form")
    fields = {f["name"]: f["value"] for f in card.select("input[type=hidden]")}
    fields["choice"] = card.select_one("input[name=choice]")["value"]
    return answer(stack, cookie, card, fields)


@pytest.fixture(scope="module")
def voter(stack):
    """(confirmation cookie, reader cookie) of a reader who voted in the seed article's poll
    (once: the address may vote once a minute)."""
    cookie = confirmation_cookie()
    shared = cached(stack, SEED_ARTICLE, cookie)
    assert 'class="poll-form"' in shared and 'class="poll-results"' not in shared
    return cookie, vote(stack, cookie, shared)


def test_a_voter_gets_the_shared_copy_with_their_results_filled_in(stack, voter):
    cookie, reader = voter

    status, headers, page = fetch(stack.base_url + SEED_ARTICLE, f"{cookie}; {reader}")

    assert status == 200
    assert headers["X-Edge-Cache"] == "HIT"  # the shared copy, not a render for them
    assert 'class="poll-results"' in page  # their part, from the fragment
    assert 'class="poll-form"' not in page
    assert "<!--#" not in page
    assert headers["Cache-Control"] == "private"
    # Everyone else still gets the form, from the same copy.
    _, headers, page = fetch(stack.base_url + SEED_ARTICLE, cookie)
    assert (headers["X-Edge-Cache"], 'class="poll-form"' in page) == ("HIT", True)
    assert "public" in headers["Cache-Control"]
    # Their part is kept for their cookie alone: another reader's (here, a forged one)
    # gets their own, the form.
    _, headers, page = fetch(stack.base_url + SEED_ARTICLE, f"{cookie}; hub_reader=forged")
    assert 'class="poll-form"' in page and 'class="poll-results"' not in page


def test_a_voter_whose_copy_is_missing_gets_it_rendered_shared_and_filled_in(stack, voter):
    cookie, reader = voter
    # A variant nobody asked for yet (a search term no article reads): not at the edge.
    never_asked = f"{SEED_ARTICLE}?q=edge{time.time_ns()}"

    _, headers, page = fetch(stack.base_url + never_asked, f"{cookie}; {reader}")
    assert headers["X-Edge-Cache"] == "MISS"
    assert 'class="poll-results"' in page and "<!--#" not in page
    # Stored as the shared copy: the next reader without a cookie gets it from the edge.
    _, headers, shared = fetch(stack.base_url + never_asked, cookie)
    assert headers["X-Edge-Cache"] == "HIT"
    assert 'class="poll-form"' in shared and "<!--# include" in shared


def test_the_edge_takes_only_a_policy_of_the_form_the_app_renders(stack):
    policy = (stack.run_dir / "edge-policy.conf").read_text()
    smuggled = policy.replace(
        "map $host $hub_edge_ns {", "location /x { alias /etc/; }\nmap $host $hub_edge_ns {"
    )
    put = {"method": "PUT", "headers": {"Content-Type": "text/plain"}}

    for body in (smuggled, policy.replace(";\n}", "; include /etc/x;\n}", 1), "{}"):
        status, _, _ = fetch(stack.base_url + "/__edge/policy", data=body.encode(), **put)
        assert status == 400

    assert (stack.run_dir / "edge-policy.conf").read_text() == policy
    status, _, _ = fetch(stack.base_url + "/__edge/policy", data=policy.encode(), **put)
    assert status == 204


def take_quiz(stack, cookie, html, phase):
    """Take the seed article's quiz in ``phase`` with its first choices; the reader cookie."""
    form = BeautifulSoup(html, "html.parser").select_one(f"#quiz-{phase} form.quiz-form")
    fields = {f["name"]: f["value"] for f in form.select("input[type=hidden]")}
    for radio in form.select("input[type=radio]"):
        fields.setdefault(radio["name"], radio["value"])
    return answer(stack, cookie, form, fields)


def test_two_readers_share_the_edge_copy_and_each_sees_their_own_quiz(stack):
    cookie = confirmation_cookie()
    shared = cached(stack, SEED_ARTICLE, cookie)
    assert 'class="quiz-form"' in shared and "correctly before reading" not in shared

    reader = take_quiz(stack, cookie, shared, "before")

    status, headers, page = fetch(stack.base_url + SEED_ARTICLE, f"{cookie}; {reader}")
    assert (status, headers["X-Edge-Cache"]) == (200, "HIT")  # the shared copy
    assert "correctly before reading." in page  # their score, from the part
    assert "<!--#" not in page
    # The quiz after reading is open for them, from its part too.
    assert 'id="quiz-after"' in page and page.count('class="quiz-form"') == 1
    # Another reader gets the blank quiz from the same copy.
    _, headers, other = fetch(stack.base_url + SEED_ARTICLE, confirmation_cookie())
    assert (headers["X-Edge-Cache"], 'class="quiz-form"' in other) == ("HIT", True)
    assert "correctly before reading" not in other

    # After reading: both scores and the answers, in the same shared copy. The answer
    # signs the reader cookie again, as the browser then sends it.
    reader = take_quiz(stack, f"{cookie}; {reader}", page, "after")
    _, headers, page = fetch(stack.base_url + SEED_ARTICLE, f"{cookie}; {reader}")
    assert headers["X-Edge-Cache"] == "HIT"
    assert "after reading, " in page and "Your colleagues who took both" in page
