from django.conf import settings
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant


def active_content_language():
    """The request's content language, as ``Locale.get_active()`` picks it, without a query."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
