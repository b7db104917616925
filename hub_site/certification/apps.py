from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "hub_site.certification"
    label = "hub_certification"
    verbose_name = _("Certification")

    def ready(self):
        from hub_site.certification import guard

        guard.connect()
