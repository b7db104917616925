"""Run a scheduled command once however many machines' timers start it
(hub_site/scheduled.py)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from hub_site.scheduled import exclusive

SCHEDULED_COMMANDS = (
    "publish_scheduled",
    "publish_releases",
    "certification_expiry",
    "purge_old_responses",
)


class Command(BaseCommand):
    help = "Run a scheduled command unless another machine is running it now."

    def add_arguments(self, parser):
        parser.add_argument("command", choices=SCHEDULED_COMMANDS)
        parser.add_argument("arguments", nargs="*", help="passed to the command")

    def handle(self, *args, command, arguments, **options):
        with exclusive(command) as held:
            if not held:
                self.stdout.write(f"{command}: another run holds the lock; skipped.")
                return
            call_command(command, *arguments, stdout=self.stdout, stderr=self.stderr)
