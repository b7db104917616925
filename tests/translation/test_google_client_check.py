"""Choosing Google Cloud Translation without its client is refused at start-up."""

from django.core.checks import run_checks
from django.test import override_settings

from hub_site.translation.config import machine_translator_setting


def check_ids():
    return {message.id for message in run_checks()}


def test_google_without_its_client_is_an_error():
    with override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator_setting(google_project_id="p")
    ):
        assert "hub_translation.E001" in check_ids()


def test_other_services_need_no_google_client():
    with override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator_setting(
            libretranslate_url="http://127.0.0.1:9"
        )
    ):
        assert "hub_translation.E001" not in check_ids()
