from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home, standard, funder and support pages"

    def ready(self):
        from home import signals

        signals.connect()
