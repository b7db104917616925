"""Profile the uncached seed article in-process with production settings (cProfile).

Run after ``make serve`` or ``make bench`` created the database:
``.venv/bin/python bench/profile_article.py [--database hub_serve] [--requests 50]``.
Prints where the time goes, grouped by package.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
SEED_ARTICLE = "/en/articles/allo-hsct-cr2-ayas-with-all-dual-center-study/"
GROUPS = (
    "django/template",
    "django/db",
    "psycopg",
    "wagtail",
    "django",
    "redis",
    "articles",
    "surveys",
    "home",
    "hub_site",
)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="hub_serve")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="retire every cached copy (a new generation) before each request, as the first "
        "reader after a change meets the page",
    )
    args = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{args.database}",
        REDIS_URL="redis://127.0.0.1:6379/3",
        SECRET_KEY="profile-only-" + "p" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        HUB_LOCAL_PLAIN_HTTP="true",
        STATIC_ROOT=str(PROJECT_DIR / "run" / "bench" / "static"),
        MEDIA_ROOT=str(PROJECT_DIR / "run" / "media" / args.database),
    )
    import django

    django.setup()
    from django.test import Client

    from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[COOKIE_NAME] = signed_confirmation()
    # A session cookie, as bench/run.py's "uncached" rows send: both caches pass it by.
    client.cookies["sessionid"] = "bench-bypass"
    from hub_site.cache.generation import bump as bump_generation

    def get():
        if args.cold:
            bump_generation()
        return client.get(SEED_ARTICLE)

    status = get().status_code
    if status != 200:
        sys.exit(f"{SEED_ARTICLE} answered {status}")
    started = time.perf_counter()
    for _ in range(args.requests):
        get()
    plain_ms = 1000 * (time.perf_counter() - started) / args.requests
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.requests):
        get()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    by_group = defaultdict(float)
    for (filename, _, _), (_, _, own_time, _, _) in stats.stats.items():
        group = next((g for g in GROUPS if f"/{g}/" in filename), "other (stdlib, C)")
        by_group[group] += own_time
    state = "cold: a new generation before each request" if args.cold else "warm"
    print(
        f"{SEED_ARTICLE} ({state}): {plain_ms:.1f} ms per request in-process, "
        f"{1000 * total / args.requests:.1f} ms profiled"
    )
    for group, seconds in sorted(by_group.items(), key=lambda item: -item[1]):
        print(f"  {group:<20} {100 * seconds / total:5.1f}%")
    print("\nTop functions by cumulative time:")
    stats.sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
