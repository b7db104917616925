from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "hub_site.i18n"
    label = "hub_i18n"
    verbose_name = "Reader localization"
