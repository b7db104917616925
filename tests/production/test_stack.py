"""The production configuration through nginx: edge cache, gate and purge on publish."""

import subprocess
import sys
import time

from deploy.stack import PROJECT_DIR
from tests.production.conftest import confirmation_cookie, fetch

INDEX = "/en/articles/"


def shell(stack, code):
    """Run ``code`` in the stack's Django (production settings, its database, its purge URL)."""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=PROJECT_DIR,
        env=stack.env(),
        check=True,
        capture_output=True,
    )


def test_a_confirmed_reader_is_served_from_the_edge_cache(stack):
    cookie = confirmation_cookie()
    fetch(stack.base_url + INDEX, cookie)
    status, headers, _ = fetch(stack.base_url + INDEX, cookie)

    assert status == 200
    assert headers["X-Edge-Cache"] == "HIT"
    assert "public" in headers["Cache-Control"]


def test_a_reader_without_the_cookie_gets_the_gate_after_a_confirmed_one_was_cached(stack):
    cookie = confirmation_cookie()
    fetch(stack.base_url + INDEX, cookie)
    assert fetch(stack.base_url + INDEX, cookie)[1]["X-Edge-Cache"] == "HIT"

    status, headers, _ = fetch(stack.base_url + INDEX)

    assert status == 303
    assert headers["Location"].startswith("/en/hcp-confirm/?next=")
    assert headers["X-Edge-Cache"] == "BYPASS"
    assert "no-store" in headers["Cache-Control"]


def test_a_reader_with_a_session_is_never_answered_from_the_edge(stack):
    cookie = confirmation_cookie()
    fetch(stack.base_url + INDEX, cookie)

    _, headers, _ = fetch(stack.base_url + INDEX, f"{cookie}; sessionid=someone")

    assert headers["X-Edge-Cache"] == "BYPASS"


def test_a_page_with_a_form_is_not_kept_at_the_edge(stack):
    cookie = confirmation_cookie()
    fetch(stack.base_url + "/en/", cookie)
    _, headers, body = fetch(stack.base_url + "/en/", cookie)

    assert "csrfmiddlewaretoken" in body  # the home page's poll
    assert headers["X-Edge-Cache"] == "MISS"
    assert "private" in headers["Cache-Control"]


def test_publishing_an_article_purges_the_cached_index_at_once(stack):
    cookie = confirmation_cookie()
    fetch(stack.base_url + INDEX, cookie)
    assert fetch(stack.base_url + INDEX, cookie)[1]["X-Edge-Cache"] == "HIT"
    title = f"Edge purge check {time.time_ns()}"

    shell(
        stack,
        "from articles.models import ArticlePage\n"
        "page = ArticlePage.objects.filter(locale__language_code='en').live()"
        ".order_by('-date').first()\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n",
    )
    # The purge is sent after the commit, before the command returns; allow a second.
    deadline = time.monotonic() + 1
    while True:
        _, headers, body = fetch(stack.base_url + INDEX, cookie)
        if title in body or time.monotonic() > deadline:
            break
        time.sleep(0.05)

    assert title in body
    assert headers["X-Edge-Cache"] == "MISS"
    # Each app server, asked directly, shows it too: they share the database and cache.
    for port in stack.app_ports:
        assert title in fetch(f"http://127.0.0.1:{port}{INDEX}", cookie)[2]


def test_changing_a_funder_purges_every_page_footer(stack):
    cookie = confirmation_cookie()
    about = "/en/about/"
    for path in (INDEX, about):
        fetch(stack.base_url + path, cookie)
    name = f"Purge Pharma {time.time_ns() % 100000}"

    shell(
        stack,
        "from home.models import FunderPage\n"
        "page = FunderPage.objects.filter(locale__language_code='en').live()"
        ".filter(funding_type='sponsor').first()\n"
        f"page.title = {name!r}\n"
        "page.save_revision().publish()\n",
    )

    for path in (INDEX, about):
        _, _, body = fetch(stack.base_url + path, cookie)
        assert name in body, path
