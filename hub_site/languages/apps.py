from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "hub_site.languages"
    label = "hub_languages"
    verbose_name = "Language versions"
