"""Fragments of reader pages in Django's cache, for readers no page cache answers.

A reader with a session (who answered a survey or voted, and sees their own thank-you or
results) or a page the caches may not keep is rendered afresh; the parts of the page
that are the same for every reader (an article's text, its head, its related articles,
the language links) are kept with Wagtail's ``{% wagtailpagecache %}``, which varies on
the page's own state and site and never serves a preview. ``fragment_version`` makes
every fragment key carry the page cache's site-wide generation, so a fragment retires
exactly when cached pages do (hub_site.cache.invalidation), and the machine translation
being rendered, if any. Fragments live ``PAGE_CACHE_SECONDS`` (0: not kept).

Usage: ``{% wagtailpagecache fragment_seconds|default:0 "name" fragment_version LANGUAGE_CODE %}``.
"""

from django.conf import settings
from django.utils.translation import get_language

from hub_site.cache import generation
from hub_site.translation.reader import current_reader_translation


def fragment_version(request):
    translation = current_reader_translation(request)
    if translation is None:
        reading = "-"
    else:
        reading = f"{translation.language}{'-failed' if translation.failed else ''}"
    return f"{generation.for_request(request)}:{reading}"


def fragment_cache(request):
    """Context processor: the fragments' lifetime and version (read only when used)."""
    return {
        "fragment_seconds": settings.PAGE_CACHE_SECONDS,
        "fragment_version": lambda: fragment_version(request),
    }


def fragment_context(request):
    """What a fragment needs in an inclusion tag's context, which has no context processors'."""
    return {
        "request": request,
        "LANGUAGE_CODE": get_language(),
        **fragment_cache(request),
    }
