"""What one publication costs as the site grows: the editor's wait and the edge's purges.

For each site size (the demo plus generated articles, ``manage.py bench_articles``; each
size in a database of its own, generated once and kept), starts the production stack
(nginx → granian → PostgreSQL + Redis, deploy/stack.py), fills both caches with the index's
first pages, the home page and a few hundred articles, then publishes an edit of one
article ``--publishes`` times, each in a transaction of its own as the editor's request
does, timing the publication from the editor's side (certificate, publish, the signals,
the retirement of the app's copies; the edge purge and Wagtail's search and reference
indexing go to the task queue, whose worker runs them), and again with that work in the
request as before the queue (``TASK_QUEUE=immediate``). nginx logs every purge it receives
(``purges.log``): the table gives the purge requests per publication, and what they named.

``python bench/publish_cost.py`` (``make bench`` runs it after bench/run.py);
``--sizes 50,20000`` by default.
"""

import argparse
import json
import statistics
import sys
import urllib.request
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.stack import (
    EDGE_PACKAGES,
    PROJECT_DIR,
    Stack,
    answers,
    ensure_debian_packages,
    free_port,
    secret_key_in,
)

REDIS_URL = "redis://127.0.0.1:6379/3"
WARM_ARTICLES = 300
# Run in the stack's Django: counts the English articles, or lists the URLs to warm.
ARTICLE_COUNT = (
    "from articles.models import ArticlePage\n"
    "print(ArticlePage.objects.filter(locale__language_code='en').count())\n"
)
# The article edited (the middle one in the tree) and the pages that show it: its own, and
# the index's page listing it; then articles spread over the site.
TARGET = "live[live.count() // 2]"
WARM_URLS = """
import json
from articles.models import ArticleIndexPage, ArticlePage
live = ArticlePage.objects.filter(locale__language_code='en').live().order_by('path')
target = {target}
index = ArticleIndexPage.objects.get(locale__language_code='en')
listed = ArticlePage.objects.child_of(index).readable().newest_first()
order = list(listed.values_list('pk', flat=True))
page = order.index(target.pk) // ArticleIndexPage.ARTICLES_PER_PAGE + 1
step = max(1, live.count() // {count})
spread = [a.url for a in live[::step][:{count}]]
print(json.dumps([target.url, f"{{index.url}}?page={{page}}", *spread]))
"""
PUBLISH = """
import json, time
from django.db import transaction
from articles.models import ArticlePage
from tests.publishing import publish_certified
live = ArticlePage.objects.filter(locale__language_code='en').live().order_by('path')
page = {target}
seconds = []
for n in range({publishes}):
    page.summary = f"Edited for the benchmark, {{n}} {{time.time_ns()}}."
    revision = page.save_revision()
    started = time.perf_counter()
    with transaction.atomic():
        publish_certified(revision)
    seconds.append(time.perf_counter() - started)
    page = ArticlePage.objects.get(pk=page.pk)
print(json.dumps({{"url": page.url, "seconds": seconds}}))
"""


def shell(stack, code, purging=True, queue="database"):
    # Each purge sent once: the counts are of requests per publication.
    stack.extra_env["EDGE_REPURGE_SECONDS"] = "0"
    stack.extra_env["TASK_QUEUE"] = queue
    return stack.shell(code, purging)


def fetch(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.headers.get("X-Edge-Cache", "?")


def confirmation_cookie(secret_key):
    sys.path.insert(0, str(PROJECT_DIR / "bench"))
    from run import confirmation_cookie as signed

    return signed(secret_key)


def with_edge_pass(url, cookie):
    from run import with_edge_pass as with_pass

    return with_pass(url, cookie)


def purges(stack):
    log = stack.run_dir / "purges.log"
    return log.read_text().splitlines() if log.exists() else []


def measure(size, args, secret_key, cookie):
    stack = Stack(
        run_dir=Path(args.run_dir).resolve() / str(size),
        database=f"hub_bench_{size}",
        port=free_port(),
        app_ports=[free_port(), free_port()],
        workers=1,
        redis_url=REDIS_URL,
        secret_key=secret_key,
    )
    stack.prepare(quiet=True)
    have = int(shell(stack, ARTICLE_COUNT, purging=False))
    if have < size:
        print(f"  generating {size - have} articles for the {size}-article site …", flush=True)
        stack.manage("bench_articles", "--count", str(size - have), quiet=True)
    redis.Redis.from_url(REDIS_URL).flushdb()
    stack.start()
    try:
        cookie = with_edge_pass(stack.base_url + "/en/", cookie)
        warm = ["/en/", *(f"/en/articles/?page={n}" for n in range(1, 6))]
        warm += json.loads(
            shell(stack, WARM_URLS.format(target=TARGET, count=WARM_ARTICLES), purging=False)
        )
        for path in warm:
            fetch(stack.base_url + path, cookie)
        hits = sum(fetch(stack.base_url + path, cookie) == "HIT" for path in warm)
        publish = PUBLISH.format(target=TARGET, publishes=args.publishes)
        # As before the task queue: the purges, search and reference indexing in the request.
        inline = json.loads(shell(stack, publish, queue="immediate"))
        for path in warm:
            fetch(stack.base_url + path, cookie)
        before = len(purges(stack))
        result = json.loads(shell(stack, publish))  # waits for the worker's purges
        sent = purges(stack)[before:]
    finally:
        stack.stop()
    return {
        "articles": size,
        "cached": hits,
        "publish_ms": statistics.median(result["seconds"]) * 1000,
        "publish_max_ms": max(result["seconds"]) * 1000,
        "inline_ms": statistics.median(inline["seconds"]) * 1000,
        "purges": len(sent) / args.publishes,
        "named": sorted({line.split()[2].split("?")[0] for line in sent}),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="50,20000", help="English articles, comma-separated")
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--run-dir", default=str(PROJECT_DIR / "run" / "bench-publish"))
    args = parser.parse_args()
    if not ensure_debian_packages(*EDGE_PACKAGES):
        return 1
    if not answers("127.0.0.1", 5432) or not answers("127.0.0.1", 6379):
        print("bench/publish_cost.py needs PostgreSQL on 127.0.0.1:5432 and Redis on 6379")
        return 1
    secret_key = secret_key_in(Path(args.run_dir).resolve())
    cookie = confirmation_cookie(secret_key)
    rows = [measure(int(size), args, secret_key, cookie) for size in args.sizes.split(",")]
    print(
        f"\none article edited and published {args.publishes} times per site size "
        "(the editor's wait with the task queue: median and worst; the same publish with "
        "the background work in the request, as before the queue: median; purges: requests "
        "nginx received per publish)\n"
    )
    print(
        f"{'articles':>9} {'pages cached':>13} {'publish ms':>11} {'worst ms':>9} "
        f"{'inline ms':>10} {'purges':>7}"
    )
    for row in rows:
        print(
            f"{row['articles']:>9} {row['cached']:>13} {row['publish_ms']:>11.1f} "
            f"{row['publish_max_ms']:>9.1f} {row['inline_ms']:>10.1f} {row['purges']:>7.1f}"
        )
    for row in rows:
        print(f"purged at {row['articles']} articles: {', '.join(row['named'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
