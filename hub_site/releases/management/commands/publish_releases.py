from django.core.management.base import BaseCommand

from hub_site.releases.publishing import publish_due_releases


class Command(BaseCommand):
    help = (
        "Publish the scheduled language releases whose moment has come and whose languages "
        "are all approved: every language in one transaction. Run it every minute, like "
        "publish_scheduled (through run_scheduled)."
    )

    def handle(self, *args, **options):
        released = publish_due_releases()
        self.stdout.write(f"{released} release(s) published")
