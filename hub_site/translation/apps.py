from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "hub_site.translation"
    label = "hub_translation"
    verbose_name = _("Translation")

    def ready(self):
        from hub_site.translation import (
            glossary,
            memory,
            signals,
            sync,
            system_checks,  # noqa: F401 - registers the checks
        )

        signals.connect()
        memory.connect()
        glossary.connect()
        sync.connect()
