from django.core.management.base import BaseCommand
from django.db import transaction

from hub_site.demo.home import load_home
from hub_site.demo.surveys import load_surveys


class Command(BaseCommand):
    help = "Load the demo content built from the seed page. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        home = load_home()
        load_surveys(home)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
