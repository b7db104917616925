from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "hub_site.outcomes"
    label = "hub_outcomes"
    verbose_name = _("Learning outcomes")
