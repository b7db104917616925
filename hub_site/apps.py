from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HubSiteConfig(AppConfig):
    name = "hub_site"
    verbose_name = "Hub site"

    def ready(self):
        from hub_site.locales import sync_locales

        # After every migrate, so a language added to CONTENT_LANGUAGES gets its Locale.
        post_migrate.connect(sync_locales, sender=self)
