"""Benchmark the production configuration against nginx serving a static file, in one run.

Starts nginx → granian (the default; ``--server gunicorn`` for the comparison) → PostgreSQL
+ Redis on 127.0.0.1 (deploy/stack.py, with ``settings.bench``) with the demo content and
generated articles (20,000 English articles in all by default, made once by
``manage.py bench_articles`` and kept in the database), puts a static HTML file of the
seed article's size under nginx's /static/, loads each URL with ``wrk -t2 -c16`` for a
bounded time after a warm-up and prints one table. nginx's static figure is measured again
before each edge row (2, 7, 8) and the ratios are against the median of those runs. Row 7
reads the seed article while an article is published every 10 seconds; row 8 reads it as a
reader who voted, whose results the edge fills in; row 9 posts attempts at the seed
article's quiz before reading, each from a new reader, and checks the count stored.
``make bench``; options: ``python bench/run.py --help``.
"""

import argparse
import re
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.stack import (
    APP_SERVERS,
    EDGE_PACKAGES,
    PROJECT_DIR,
    Stack,
    answers,
    app_layout,
    ensure_debian_packages,
    free_port,
    secret_key_in,
)

SEED_ARTICLE = "/en/articles/allo-hsct-cr2-ayas-with-all-dual-center-study/"
# A session cookie (of no real session): neither nginx nor the app's page cache answers a
# reader with a session, so the page is rendered afresh (rows 4 and 5).
EDGE_BYPASS = "sessionid=bench-bypasses-the-edge"


def confirmation_cookie(secret_key):
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.SECRET_KEY = secret_key
    from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

    return f"{COOKIE_NAME}={signed_confirmation()}"


def with_edge_pass(url, cookie):
    """``cookie`` and the edge pass the app gives a confirmed reader on their first page
    (hub_site/cache/edge_pass.py), as a browser would hold them."""
    headers, _ = fetch(url, cookie)
    passes = [c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or []]
    return "; ".join([cookie, *(c for c in passes if c.startswith("hub_edge_pass="))])


def fetch(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers, response.read()


def parse_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk_command(url, cookie, seconds, threads=2, connections=16):
    header = ["-H", f"Cookie: {cookie}"] if cookie else []
    return [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        *header,
        url,
    ]


def wrk_figures(out):
    """(requests/s, p50 ms, p99 ms, errors) from wrk's report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = parse_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in socket.groups()) if socket else 0
    )
    return rps, p50, p99, errors


def wrk(urls, cookie, seconds, warmup):
    """wrk -t2 -c16 against ``urls`` at once, the threads and connections shared out
    among them (each app server, for row 3); requests/s and errors summed, the worst
    percentiles."""
    threads = max(1, 2 // len(urls))
    connections = 16 // len(urls)
    for duration, check in ((warmup, False), (seconds, True)):
        if not duration:
            continue
        runs = [
            subprocess.Popen(
                wrk_command(url, cookie, duration, threads, connections),
                stdout=subprocess.PIPE,
                text=True,
            )
            for url in urls
        ]
        outs = [run.communicate()[0] for run in runs]
        if check and any(run.returncode for run in runs):
            raise RuntimeError(f"wrk failed: {outs}")
    figures = [wrk_figures(out) for out in outs]
    return (
        sum(f[0] for f in figures),
        max(f[1] for f in figures),
        max(f[2] for f in figures),
        sum(f[3] for f in figures),
    )


ARTICLE_COUNT = (
    "from articles.models import ArticlePage\n"
    "print(ArticlePage.objects.filter(locale__language_code='en').count())\n"
)
VOTE_SCRIPT = Path(__file__).resolve().parent / "vote.lua"
# Row 6 votes for this long; wrk runs this much longer so every vote sent is answered.
VOTE_GRACE_SECONDS = 10


def poll_form(html):
    """The seed article's poll: its id, its URL and the first choice and article fields."""
    card = html[html.index('class="poll-card"') :]
    poll_id = re.search(r'id="poll-(\d+)"', card).group(1)
    action = re.search(r'action="([^"]+)"', card).group(1)
    choice = re.search(r'name="choice" value="(\d+)"', card).group(1)
    article = re.search(r'name="article" value="(\d+)"', card).group(1)
    return poll_id, action, {"choice": choice, "article": article}


def stored_count(stack, model, **filters):
    """How many ``model`` rows (surveys.models) match ``filters``, counted by the app itself."""
    lookups = ", ".join(f"{name}={value!r}" for name, value in filters.items())
    code = f"from surveys.models import {model}\nprint({model}.objects.filter({lookups}).count())\n"
    return int(stack.shell(code, purging=False).split()[-1])


def quiz_form(html):
    """The seed article's quiz before reading: its id, its URL, the article and the first
    choice of every question."""
    card = html[html.index('id="quiz-before"') :]
    form = card[: card.index("</form>")]
    action = re.search(r'action="([^"]+)"', form).group(1)
    quiz_id = re.search(r"/quizzes/(\d+)/before/", action).group(1)
    fields = {"article": re.search(r'name="article" value="(\d+)"', form).group(1)}
    for name, value in re.findall(r'type="radio" name="(before-[^"]+)" value="([^"]+)"', form):
        fields.setdefault(name, value)
    return quiz_id, action, fields


def answers_row(stack, confirmed, seconds, action, fields, count):
    """Rows 6 and 9: wrk posts answers to ``action``, each from a new reader (bench/vote.lua).

    ``count()`` is the number of the answers' rows in the database. Returns (answers/s, p50,
    p99, refused, check) where check is "exact" when the new rows equal the answers wrk saw
    accepted (2xx/3xx), else the mismatch.
    """
    base = stack.base_url
    # Answers carry no token: the app checks their Origin (hub_site/security/origin.py).
    body = urlencode(fields)
    before = count()
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c16",
            f"-d{seconds + VOTE_GRACE_SECONDS}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(VOTE_SCRIPT),
            base + action,
            "--",
            str(seconds),
            body,
            confirmed,
            base,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    counts = re.search(
        r"votes sent (\d+) answered (\d+) accepted (\d+) refused (\d+) seconds ([\d.]+)", out
    )
    sent, answered, accepted, refused = (int(n) for n in counts.groups()[:4])
    answering_seconds = float(counts.group(5))
    stored = count() - before
    # An answer written to a connection the server was closing gets no reply (wrk counts a
    # socket error and sends another): it did not reach the app.
    unanswered = f"; {sent - answered} sent without an answer" if sent != answered else ""
    if stored == accepted:
        check = f"exact ({stored} stored, {accepted} accepted{unanswered})"
    else:
        check = f"mismatch: {stored} stored, {accepted} accepted{unanswered}"
    # Latency percentiles include the /healthz requests after answering; they are the
    # answers' when answering fills the run.
    p50 = parse_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = parse_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    rate = accepted / answering_seconds if answering_seconds else 0.0
    return rate, p50, p99, refused, check


def seed_answers_row(stack, confirmed, seconds, read_form, model, page_field, **filters):
    """Rows 6 and 9: answers to the seed article's poll or quiz, whose form ``read_form``
    reads from the article; counted as ``model`` rows of that page (and ``filters``)."""
    _, html = fetch(stack.base_url + SEED_ARTICLE, f"{confirmed}; {EDGE_BYPASS}")
    page_id, action, fields = read_form(html.decode())
    return answers_row(
        stack,
        confirmed,
        seconds,
        action,
        fields,
        lambda: stored_count(stack, model, **{page_field: int(page_id)}, **filters),
    )


# Row 7: while wrk reads the seed article, another article (one the seed article does not
# show) is edited and published every PUBLISH_EVERY seconds, as an editor would.
PUBLISH_EVERY = 10
PUBLISHER = """
import sys, time
from django.db import transaction
from articles.models import ArticlePage
from tests.publishing import publish_certified
seed = ArticlePage.objects.get(url_path__endswith={seed_slug!r}, locale__language_code='en')
shown = {{a.pk for a in seed.related_articles()}} | {{seed.pk}}
page = ArticlePage.objects.filter(locale__language_code='en').live().exclude(pk__in=shown)
page = page.order_by('path').first()
print("ready", flush=True)
published = 0
deadline = time.monotonic() + {seconds}
while time.monotonic() < deadline:
    page.summary = f"Edited by the benchmark at {{time.time_ns()}}."
    with transaction.atomic():
        publish_certified(page.save_revision())
    published += 1
    page = ArticlePage.objects.get(pk=page.pk)
    time.sleep({every})
print("published", published, flush=True)
"""


def start_publisher(stack, seconds):
    """A process publishing an article every PUBLISH_EVERY seconds for ``seconds``."""
    code = PUBLISHER.format(
        seed_slug=SEED_ARTICLE.split("/")[-2] + "/", seconds=seconds, every=PUBLISH_EVERY
    )
    process = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=PROJECT_DIR,
        env=stack.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    if process.stdout.readline().strip() != "ready":
        raise RuntimeError("the publisher did not start")
    return process


def publishing_row(stack, confirmed, seconds, warmup):
    """Row 7: the seed article from the edge while articles are published."""
    publisher = start_publisher(stack, warmup + seconds)
    try:
        figures = wrk([stack.base_url + SEED_ARTICLE], confirmed, seconds, warmup)
    finally:
        out = publisher.communicate(timeout=PUBLISH_EVERY + 60)[0]
    published = int(re.search(r"published (\d+)", out).group(1))
    return figures, published


def voter_cookie(stack, confirmed):
    """A reader who has voted in the seed article's poll: their reader cookie, with the
    HCP confirmation (not the one-off notice, which the next page shows and clears)."""
    base = stack.base_url
    _, html = fetch(base + SEED_ARTICLE, f"{confirmed}; {EDGE_BYPASS}")
    _poll_id, action, fields = poll_form(html.decode())
    request = urllib.request.Request(
        base + action,
        data=urlencode(fields).encode(),
        headers={"Cookie": confirmed, "Origin": base, "Sec-Fetch-Site": "same-origin"},
        method="POST",
    )

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoRedirects).open(request, timeout=30)
    except urllib.error.HTTPError as answer:  # the 303 back to the article
        cookies = answer.headers.get_all("Set-Cookie") or []
    (reader,) = (c.split(";")[0] for c in cookies if c.startswith("hub_reader="))
    return f"{confirmed}; {reader}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--workers", type=int, default=2, help="Python workers in all, one per core (default: 2)"
    )
    parser.add_argument("--database", default="hub_bench")
    parser.add_argument(
        "--articles",
        type=int,
        default=20000,
        help="English articles on the site: the demo's and generated ones (default: 20000)",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/2")
    parser.add_argument("--run-dir", default=str(PROJECT_DIR / "run" / "bench"))
    parser.add_argument(
        "--rows", default="", help="only these rows, e.g. --rows 1,6 (default: every row)"
    )
    parser.add_argument(
        "--server", choices=APP_SERVERS, default="granian", help="the app server (default: granian)"
    )
    args = parser.parse_args()

    if not ensure_debian_packages(*EDGE_PACKAGES, "wrk"):
        return 1
    if not answers("127.0.0.1", 5432) or not answers("127.0.0.1", 6379):
        print("make bench needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379")
        return 1
    run_dir = Path(args.run_dir).resolve()
    secret_key = secret_key_in(run_dir)
    processes, workers = app_layout(args.server, args.workers)
    stack = Stack(
        run_dir=run_dir,
        database=args.database,
        port=free_port(),
        app_ports=[free_port() for _ in range(processes)],
        workers=workers,
        server=args.server,
        redis_url=args.redis_url,
        secret_key=secret_key,
        # Row 6: wrk on loopback votes as many readers (settings.bench lifts the per-address
        # limits for loopback clients).
        settings_module="settings.bench",
    )
    print("Preparing the database, static files and demo content …", flush=True)
    stack.prepare(quiet=True)
    have = int(stack.shell(ARTICLE_COUNT, purging=False))
    if have < args.articles:
        print(
            f"Generating {args.articles - have} articles (manage.py bench_articles) …", flush=True
        )
        stack.manage("bench_articles", "--count", str(args.articles - have), quiet=True)
    # The caches of an earlier run may hold pages from before the articles were added.
    redis.Redis.from_url(args.redis_url).flushdb()
    stack.start()
    try:
        base = stack.base_url
        confirmed = with_edge_pass(base + SEED_ARTICLE, confirmation_cookie(secret_key))
        _, article = fetch(base + SEED_ARTICLE, confirmed)
        reference = run_dir / "static" / "bench-reference.html"
        reference.write_bytes(b"<!-- static reference -->" + b" " * (len(article) - 25))
        headers, _ = fetch(base + SEED_ARTICLE, confirmed)
        edge_state = headers.get("X-Edge-Cache", "?")
        # Straight to the app servers, past nginx: the app answers from its Redis page cache.
        app_articles = [f"http://127.0.0.1:{port}{SEED_ARTICLE}" for port in stack.app_ports]
        for app_article in app_articles:  # the key holds the host, port included
            fetch(app_article, confirmed)
        app_state = fetch(app_articles[-1], confirmed)[0].get("X-App-Cache", "?")
        rows = [
            ("1 nginx static file", base + "/static/bench-reference.html", ""),
            (f"2 seed article, edge (X-Edge-Cache {edge_state})", base + SEED_ARTICLE, confirmed),
            (f"3 seed article, app cache (X-App-Cache {app_state})", app_articles, confirmed),
            ("4 seed article, uncached", base + SEED_ARTICLE, f"{confirmed}; {EDGE_BYPASS}"),
            ("5 home, uncached", base + "/en/", f"{confirmed}; {EDGE_BYPASS}"),
            ("5 article index, uncached", base + "/en/articles/", f"{confirmed}; {EDGE_BYPASS}"),
            (
                "5 search ?q=MRD, uncached",
                base + "/en/search/?q=MRD",
                f"{confirmed}; {EDGE_BYPASS}",
            ),
            ("  article index, edge", base + "/en/articles/", confirmed),
        ]
        print(
            f"seed article: {len(article)} bytes; wrk -t2 -c16, {args.seconds} s each after "
            f"{args.warmup} s warm-up; {args.server}: {processes} app server(s) of "
            f"{workers} worker(s); row 3 shares wrk's connections among the app servers\n"
        )
        print(f"{'row':<46} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>7}")
        selected = set(args.rows.split(",")) if args.rows else None
        results = {}
        # nginx's own figure swings by a third between runs of the same seconds on this
        # machine (which core wrk and each worker land on), so it is measured again right
        # before each edge row, and every ratio is against the median of those runs.
        static = []

        def ratio(rps):
            return rps / statistics.median(static) if static else float("nan")

        def show(label, rps, p50, p99, errors):
            results[label] = rps
            line = f"{label:<46} {rps:>9.0f} {p50:>8.2f} {p99:>8.2f} {errors:>7} {ratio(rps):>7.4f}"
            print(line, flush=True)

        def measure_static():
            figures = wrk([rows[0][1]], "", args.seconds, args.warmup)
            static.append(figures[0])
            return figures

        def wanted(number):
            return selected is None or number in selected

        for label, url, cookie in rows[1:]:
            number = label.split()[0]
            if not wanted(number):
                continue
            if number == "2":
                show(rows[0][0], *measure_static())
            urls = url if isinstance(url, list) else [url]
            show(label, *wrk(urls, cookie, args.seconds, args.warmup))
        if wanted("6"):
            rate, p50, p99, refused, check = seed_answers_row(
                stack, confirmed, args.seconds, poll_form, "PollVote", "poll_id"
            )
            show("6 poll votes, distinct readers", rate, p50, p99, refused)
            print(f"6 final vote count: {check}", flush=True)
        if wanted("9"):
            rate, p50, p99, refused, check = seed_answers_row(
                stack, confirmed, args.seconds, quiz_form, "QuizAttempt", "quiz_id", phase="before"
            )
            show("9 quiz before reading, distinct readers", rate, p50, p99, refused)
            print(f"9 final attempt count: {check}", flush=True)
        if wanted("7"):
            show(rows[0][0], *measure_static())
            figures, published = publishing_row(stack, confirmed, args.seconds, args.warmup)
            show(f"7 seed article, edge, {published} publications", *figures)
        if wanted("8"):
            voter = voter_cookie(stack, confirmed)
            headers, page = fetch(base + SEED_ARTICLE, voter)
            state = headers.get("X-Edge-Cache", "?")
            own = "their results" if b'class="poll-results"' in page else "NO RESULTS"
            show(rows[0][0], *measure_static())
            figures = wrk([base + SEED_ARTICLE], voter, args.seconds, args.warmup)
            show(f"8 seed article, edge, voter ({state}, {own})", *figures)
        if wanted("1") and not static:
            show(rows[0][0], *measure_static())
        if static:
            runs = ", ".join(f"{rps:.0f}" for rps in static)
            median = statistics.median(static)
            print(f"\nnginx static file, {len(static)} runs: {runs}; median {median:.0f}")
            for label, rps in results.items():
                if label.split()[0] in {"2", "7", "8"}:
                    print(f"{label:<46} / median static: {ratio(rps):.2f}")
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
