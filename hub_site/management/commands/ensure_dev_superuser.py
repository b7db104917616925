from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hub_site.demo.users import DEMO_PASSWORD, DEMO_USERS

DEV_USERNAME = "admin"
DEV_PASSWORD = "hub-demo-admin"  # noqa: S105 - local development only, refused without DEBUG


class Command(BaseCommand):
    help = "Create a superuser for local development (refused unless DEBUG is on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a development superuser without DEBUG.")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEV_USERNAME,
            defaults={"email": "admin@localhost", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(DEV_PASSWORD)
            user.save()
        self.stdout.write(
            f"Admin: /admin/  user '{DEV_USERNAME}', password '{DEV_PASSWORD}' (development only)"
        )
        self.stdout.write(
            f"Role users ({', '.join(DEMO_USERS)}): password '{DEMO_PASSWORD}' (development only)"
        )
