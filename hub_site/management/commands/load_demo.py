from django.core.management.base import BaseCommand
from django.db import transaction

from hub_site.demo.articles import load_articles
from hub_site.demo.home import load_home


class Command(BaseCommand):
    help = "Load the demo content built from the seed page. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        home = load_home()
        load_articles(home)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
