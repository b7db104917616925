from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GateConfig(AppConfig):
    name = "hub_site.gate"
    label = "hub_gate"
    verbose_name = _("HCP gate")
