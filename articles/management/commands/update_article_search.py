from django.core.management.base import BaseCommand
from django.db import transaction

from articles.search_index import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the reader search's index of live articles, each in its own language. "
        "Publishing keeps it current; run it once after the migration that adds it, or "
        "after content was written without publishing. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        # All or nothing: readers never search a half-rebuilt index.
        with transaction.atomic():
            count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} live articles for search."))
