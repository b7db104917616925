from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class HubSiteConfig(AppConfig):
    name = "hub_site"
    verbose_name = "Hub site"

    def ready(self):
        from hub_site.locales import sync_locales

        # After every migrate, so a language added to CONTENT_LANGUAGES gets its Locale.
        # Django sends post_migrate only for apps with models, which this one no longer has:
        # the sender is the app the Locale model belongs to.
        post_migrate.connect(sync_locales, sender=apps.get_app_config("wagtailcore"))
