"""The app's page cache: whole rendered pages for confirmed readers without state of their own.

Django's cache (Redis when ``REDIS_URL`` is set) keeps each live page's response for
``PAGE_CACHE_SECONDS``, keyed by scheme, host (the Wagtail site), path (its prefix is the
language) and the query parameters pages read. It keeps exactly what the edge may keep:
the responses that ``SharedCacheHeadersMiddleware`` marks ``public`` (GET of a Wagtail
page, 200, a confirmed reader without a session or reader state, so never a CMS user, a
preview, a reader with a thank-you notice or results of their own, nor anything that sets
a cookie or uses a CSRF token).

Two middlewares, like Django's per-site cache:

- ``PageCacheMiddleware``, first in ``MIDDLEWARE``, answers hits before sessions,
  authentication and Wagtail's routing run, with no database query: the entry holds the
  gate's cookie lifetime it was rendered under, and the reader's confirmation cookie is
  checked against it exactly as the HCP gate checks it. On the way out it stores what the
  next one noted, if the response was marked ``public``, with every header the other
  middlewares added (security headers, CSP) but the request id, which each hit gets anew.
- ``PageCacheMissMiddleware``, last in ``MIDDLEWARE``, below the HCP gate, notes which
  responses may be stored: a Wagtail page served to a reader the gate let through.

``hub_site.cache.front`` answers the same hits one step earlier, before Django's request
handler, with the same checks (``hit``) and the same response.

Entries are keyed by their variant's URL (``hub_site.cache.variants``); a change deletes
the entries of the URLs that showed it (``hub_site.cache.invalidation``), and every entry
carries the generation it was rendered under, which a change every page shows bumps.
``X-App-Cache: HIT`` or ``MISS`` tells the benchmark and tests what happened.
"""

import hashlib
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from hub_site import shown
from hub_site.cache import generation, memo
from hub_site.cache.reader_state import carries_own_state
from hub_site.cache.variants import variant_url
from hub_site.freshness import seconds_fresh
from hub_site.gate.access import WAGTAIL_PAGE_VIEW_NAME, is_confirmed
from hub_site.gate.cookies import COOKIE_NAME, confirmation_lifetime, has_valid_confirmation
from hub_site.logging import REQUEST_ID_HEADER, request_id_for

# Part of every entry's key: entries of another layout (after a deploy changed it) are
# never read. 3: whole responses, security headers included, with their expiry time.
ENTRY_LAYOUT = 3
HEADER = "X-App-Cache"
# Per response, not per page: never kept in an entry.
NOT_KEPT_HEADERS = frozenset({HEADER.lower(), REQUEST_ID_HEADER.lower()})
# Where the WSGI front (hub_site.cache.front) leaves the (key, generation) it looked up
# without finding an answer, so Django's middleware does not ask Redis again. A WSGI
# environ key without the HTTP_ prefix: no request header can set it.
FRONT_LOOKUP = "hub_site.page_cache.lookup"


def key_for_url(url):
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pages:{ENTRY_LAYOUT}:{digest}"


def page_key(request):
    """The key of the request's variant (``hub_site.cache.variants``), or None if its copy
    may not be kept. The language is the URL's prefix (i18n_patterns), so the path names it."""
    url = variant_url(request)
    return key_for_url(url) if url is not None else None


def delete_copies(generation_now, urls):
    """Retire the copies of ``urls`` here and, on the announcement, in other processes."""
    if urls:
        cache.delete_many([key_for_url(url) for url in urls])


def may_store(request, view_name):
    """A page the gate let through, for a reader without state of their own."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and view_name == WAGTAIL_PAGE_VIEW_NAME
        and not carries_own_state(request)
        and is_confirmed(request)
    )


def may_answer(request):
    """Cheap checks before the cache is asked: never a reader with state of their own, or
    without the confirmation cookie."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not carries_own_state(request)
        and COOKIE_NAME in request.COOKIES
    )


def lookup(request):
    """(key, current generation, the live entry or None).

    The entry comes from this process's copy when it has one of the current generation,
    else from the shared cache (and is copied): a hit then costs no round trip to Redis.
    """
    key = page_key(request)
    current = generation.for_request(request)
    if not current or key is None:  # the cache is unreachable, or the variant not kept
        return key, current, None
    # Per-process copies last one sequence: any retirement drops them all.
    copies = memo.pages.values_for((current, generation.sequence_for_request(request)))
    entry = copies.get(key)
    if entry is None or not _is_live(entry, current):
        entry = cache.get(key)
        if entry is None or not _is_live(entry, current):
            return key, current, None
        copies[key] = entry
    return key, current, entry


def _is_live(entry, current):
    stored_under, _lifetime_days, _stored, expires_at = entry
    return stored_under == current and time.time() < expires_at


def hit(request):
    """The stored (status, headers, content) this request may be answered with, or None.

    Eligible request, live entry of the current generation, and the reader's
    confirmation valid under the gate's lifetime the page was rendered under (a change of
    that setting bumps the generation, retiring the entry).
    """
    looked_up = request.META.get(FRONT_LOOKUP)
    if looked_up is not None:  # the front asked already, and had no answer
        key, current, read_under = looked_up
        generation.keep_for_request(request, read_under)
        request.hub_page_cache_lookup = (key, current)
        return None
    if not may_answer(request):
        return None
    key, current, entry = lookup(request)
    request.hub_page_cache_lookup = (key, current)
    if current:
        request.META[FRONT_LOOKUP] = (key, current, generation.values_for_request(request))
    if entry is None:
        return None
    _generation, lifetime_days, stored, _expires_at = entry
    if not has_valid_confirmation(request, timedelta(days=lifetime_days)):
        return None
    return stored


def hit_headers(request, headers):
    """The stored headers, with this response's request id and the cache's mark."""
    return [
        *headers.items(),
        (REQUEST_ID_HEADER, request_id_for(request.headers.get(REQUEST_ID_HEADER, ""))),
        (HEADER, "HIT"),
    ]


def cached_response(request, stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in hit_headers(request, headers):
        response[name] = value
    return response


def overlapped_a_retirement(request):
    """Whether a retirement began after this request read the sequence (before rendering):
    its page may show rows older than the retirement, which may not have found it."""
    started = generation.sequence_for_request(request)
    return not started or generation.fresh_sequence() != started


class PageCacheMiddleware:
    """Answer hits early; store what ``PageCacheMissMiddleware`` noted, if shareable.

    First in MIDDLEWARE, it also notes what the response shows (``hub_site.shown``), for
    the index of cached pages (``SharedCacheHeadersMiddleware``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        stored = hit(request)
        if stored is not None:
            return cached_response(request, stored)
        with shown.noting():
            response = self.get_response(request)
        self.store(request, response)
        return response

    def store(self, request, response):
        noted = getattr(request, "hub_page_cache_miss", None)
        if noted is None or noted[0] is not response:
            return
        if "public" not in response.get("Cache-Control", "") or response.cookies:
            return
        key, stored_under = noted[1]
        if not stored_under or key is None:  # the cache is unreachable, or the variant not kept
            return
        timeout = seconds_fresh(request, settings.PAGE_CACHE_SECONDS)
        if timeout <= 0:
            return
        # The headers of the view and of every middleware (this one is first).
        headers = {
            name: value for name, value in response.items() if name.lower() not in NOT_KEPT_HEADERS
        }
        lifetime_days = confirmation_lifetime(request).days
        stored = (200, headers, response.content)
        entry = (stored_under, lifetime_days, stored, time.time() + timeout)
        cache.set(key, entry, timeout=timeout)
        # SharedCacheHeadersMiddleware indexed this URL before marking it public; a
        # retirement since rendering began may have missed this copy: it goes.
        if overlapped_a_retirement(request):
            cache.delete(key)


class PageCacheMissMiddleware:
    """Note a response the cache may keep. Last in MIDDLEWARE, below the gate."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key_and_generation = getattr(request, "hub_page_cache_key", None)
        if (
            key_and_generation is not None
            and response.status_code == 200
            and not response.streaming
        ):
            response[HEADER] = "MISS"
            request.hub_page_cache_miss = (response, key_and_generation)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not may_store(request, request.resolver_match.view_name):
            return None
        looked_up = getattr(request, "hub_page_cache_lookup", None)
        if looked_up is None:
            key, current, _entry = lookup(request)
            looked_up = (key, current)
        if looked_up[0] is None:  # a variant that is not kept (hub_site.cache.variants)
            return None
        # Stored under the generation read before rendering: if content changes while
        # this page renders, the copy is born retired.
        request.hub_page_cache_key = looked_up
        return None
