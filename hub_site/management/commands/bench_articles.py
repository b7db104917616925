import argparse
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from hub_site.demo.bench_articles import BenchSetupError, create_bench_articles

DEFAULT_COUNT = 20_000


def positive(value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number above 0")
    return number


class Command(BaseCommand):
    help = (
        "Add live English articles (bench-00001, bench-00002…) under the English article "
        "index, in bulk, for benchmarks; each run adds more. Needs the demo content "
        "(manage.py load_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count",
            type=positive,
            default=DEFAULT_COUNT,
            help=f"How many articles to add (default {DEFAULT_COUNT}).",
        )

    def handle(self, *args, count=DEFAULT_COUNT, **options):
        started = time.perf_counter()
        try:
            added = create_bench_articles(count)
        except BenchSetupError as error:
            raise CommandError(str(error)) from None
        created = time.perf_counter() - started
        self.stdout.write(
            f"Added {count} live articles under {added.index_url} "
            f"({added.first_slug} to {added.last_slug}) in {created:.1f} s."
        )
        if connection.vendor == "postgresql":
            # Autovacuum may be off (the benchmark's database) or not have run yet: without
            # fresh statistics the planner plans for the tables' old sizes.
            analyze_started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.stdout.write(
                f"ANALYZE: planner statistics updated for every table "
                f"in {time.perf_counter() - analyze_started:.1f} s."
            )
        else:
            self.stdout.write(f"ANALYZE skipped: the database is {connection.vendor}.")
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")
