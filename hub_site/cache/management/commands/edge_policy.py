"""Write or send the edge's confirmation policy (hub_site/cache/edge_policy.py)."""

from django.core.management.base import BaseCommand, CommandError

from hub_site.cache import edge_policy


class Command(BaseCommand):
    help = "Write the edge's confirmation policy to a file (before nginx starts), or send it."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--write", metavar="FILE", help="write the policy to FILE")
        action.add_argument(
            "--push", action="store_true", help="send it to every edge in EDGE_POLICY_URLS"
        )

    def handle(self, *args, write=None, push=False, **options):
        if write:
            edge_policy.write(write)
            self.stdout.write(f"Wrote the edge policy to {write}")
        elif not edge_policy.push():
            raise CommandError("Some edges did not take the policy (see the log).")
