from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReleasesConfig(AppConfig):
    name = "hub_site.releases"
    label = "hub_releases"
    verbose_name = _("Language releases")
