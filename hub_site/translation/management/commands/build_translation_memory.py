"""Fill the translation memory from what is live now: for sites and demos whose
translations were published before the memory recorded publications."""

from django.core.management.base import BaseCommand

from hub_site.translation.memory import record_live_translations


class Command(BaseCommand):
    help = (
        "Record every live translated page's and snippet's segments in the translation "
        "memory. Safe to run again: existing entries are updated, not duplicated."
    )

    def handle(self, *args, **options):
        objects, pairs = record_live_translations()
        self.stdout.write(
            f"Recorded {pairs} segment translation(s) from {objects} live translated "
            "page(s) and snippet(s)."
        )
