"""The production stack (nginx → granian → PostgreSQL + Redis), started once per module.

Skipped, with the reason, when PostgreSQL or Redis does not answer on 127.0.0.1, or nginx
with Debian's cache-purge module is missing and cannot be installed (not root).
"""

import os
import time
import urllib.error
import urllib.request
from unittest import mock

import pytest
import redis

from django.test import override_settings

from deploy.stack import (
    EDGE_PACKAGES,
    Stack,
    answers,
    ensure_debian_packages,
    free_port,
)
from hub_site.cache.edge_pass import PASS_COOKIE, pass_value
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from tests.support.migrated_template import copy_postgres_if_missing

# pytest-xdist's process ("gw0", "gw1"...), when the suite runs in several: each runs its
# stacks on a database and a Redis database of its own.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# Kept between runs: migrate then applies only what is new, and load_demo is idempotent.
DATABASE = f"hub_production_tests{WORKER}"
# Apart from the databases the test processes count down from 15 (settings/test.py).
REDIS_URL = f"redis://127.0.0.1:6379/{10 - int(WORKER.removeprefix('gw') or 0)}"
SECRET_KEY = "production-tests-only-" + "k" * 40  # a loopback test stack
# The key before the last rotation: still accepted (SECRET_KEY_FALLBACKS).
PREVIOUS_SECRET_KEY = "production-tests-previous-" + "p" * 40
# The gate's lifetime on the stack (the demo's setting).
LIFETIME_SECONDS = 30 * 86400


def pytest_collection_modifyitems(items):
    # The stacks run on their own PostgreSQL database whichever database the suite's leg
    # uses, so one CI leg runs them (.ci/run).
    on_stacks = [
        item
        for item in items
        if "tests/production/" in str(item.fspath)
        and {"stack", "machines"} & set(getattr(item, "fixturenames", ()))
    ]
    for item in on_stacks:
        item.add_marker(pytest.mark.own_postgres)
    # And first: pytest-xdist hands each process a first batch of consecutive tests, so each
    # module's stack starts in one process. Last (where pytest-django puts tests without a
    # database), the modules were handed out a few tests at a time, and each process that
    # got some started the module's stack. They use no test database: pytest-django's
    # order of the others stays as it is.
    first = set(on_stacks)
    items[:] = on_stacks + [item for item in items if item not in first]


def unavailable():
    if not answers("127.0.0.1", 5432):
        return "PostgreSQL does not answer on 127.0.0.1:5432"
    if not answers("127.0.0.1", 6379):
        return "Redis does not answer on 127.0.0.1:6379"
    if not ensure_debian_packages(*EDGE_PACKAGES):
        return "nginx or its cache-purge module is missing and cannot be installed (not root)"
    return None


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    # Rate limits and claims of earlier runs (tests answer from one address) are dropped.
    redis.Redis.from_url(REDIS_URL).flushdb()
    stack = Stack(
        run_dir=tmp_path_factory.mktemp("stack"),
        database=DATABASE,
        port=free_port(),
        # Two app servers behind nginx's upstream, sharing PostgreSQL and Redis: the
        # "many machines" layout on one.
        app_ports=[free_port(), free_port()],
        workers=1,
        redis_url=REDIS_URL,
        secret_key=SECRET_KEY,
        extra_env={"SECRET_KEY_FALLBACKS": PREVIOUS_SECRET_KEY},
    )
    copy_postgres_if_missing(DATABASE)
    stack.prepare(quiet=True)
    stack.start()
    yield stack
    stack.stop()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(_NoRedirects)


def confirmation_cookie(secret_key=SECRET_KEY, age_seconds=0):
    """The cookies a reader holds after the gate's "I am a healthcare professional" button
    and a first page on this stack: the confirmation, signed with ``secret_key``
    ``age_seconds`` ago, and the edge pass the app gave for it under that key."""
    signed_at = time.time() - age_seconds
    with override_settings(SECRET_KEY=secret_key), mock.patch("time.time", return_value=signed_at):
        confirmation = signed_confirmation()
    with override_settings(SECRET_KEY=secret_key):
        edge_pass = pass_value(signed_at, LIFETIME_SECONDS)
    return f"{COOKIE_NAME}={confirmation}; {PASS_COOKIE}={edge_pass}"


def renewed(cookie, headers):
    """``cookie`` with the edge pass the response's headers set (or deleted) in it."""
    for set_cookie in headers.get_all("Set-Cookie") or []:
        name, _, rest = set_cookie.partition("=")
        if name == PASS_COOKIE:
            value = rest.split(";", 1)[0].strip('"')
            kept = [c for c in cookie.split("; ") if not c.startswith(PASS_COOKIE + "=")]
            return "; ".join(kept + ([f"{PASS_COOKIE}={value}"] if value else []))
    return cookie


def fetch(url, cookie=None, method="GET", data=None, headers=None):
    """(status, headers, body) of one request, redirects not followed."""
    request = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        response = OPENER.open(request, timeout=15)
    except urllib.error.HTTPError as error:  # 3xx and 4xx, since redirects are not followed
        response = error
    with response:
        return response.status, response.headers, response.read().decode()


def shell(stack, code):
    """Run ``code`` in the stack's Django (production settings, its database, its purge URL);
    what it prints. The command waits for the purges it sent."""
    return stack.shell(code)


def eventually(check, seconds=10):
    """``check()``'s first true value within ``seconds``, else its last value. For what the
    edge does once nginx has reloaded its policy (a namespace, a lifetime: a fraction of a
    second after the change, deploy/stack.py)."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)
