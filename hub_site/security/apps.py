from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "hub_site.security"
    label = "hub_security"
    verbose_name = _("Security")
