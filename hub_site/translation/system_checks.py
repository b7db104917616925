"""System checks for the machine-translation service the environment chose."""

import importlib.util

from django.conf import settings
from django.core.checks import Error, register

GOOGLE_TRANSLATOR = "wagtail_localize.machine_translators.google.GoogleCloudTranslator"


@register()
def google_translate_client_installed(app_configs, **kwargs):
    """Google's client is an optional install: refuse to start without it, not fail later."""
    translator = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) or {}
    if translator.get("CLASS") != GOOGLE_TRANSLATOR:
        return []
    try:
        if importlib.util.find_spec("google.cloud.translate") is not None:
            return []
    except ModuleNotFoundError:  # find_spec raises when the parent package "google" is absent
        pass
    return [
        Error(
            "GOOGLE_CLOUD_TRANSLATE_PROJECT_ID is set but the google-cloud-translate "
            "package is not installed.",
            hint="pip install -r requirements-google.txt",
            id="hub_translation.E001",
        )
    ]
