"""Keep a Wagtail ``Locale`` row for every configured content language."""

from django.conf import settings

from wagtail.models import Locale


def sync_locales(using="default", **kwargs):
    """Create the ``Locale`` rows that ``WAGTAIL_CONTENT_LANGUAGES`` asks for.

    Rows for languages no longer configured are kept: pages may still belong to them.
    """
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
