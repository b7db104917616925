"""Per-process copies of the rows every reader request reads: the site, its settings, the
gate's copy.

They change only when someone saves them, and every save of a row readers see bumps the
page cache's generation (``hub_site.cache.invalidation``). A copy is kept for the
generation it was read under, and for at most ``MAX_AGE`` seconds: a change made behind
the signals' back (``QuerySet.update``) still shows within ``MAX_AGE``. A process that
cannot reach the shared cache (no generation) reads the database.

Each request gets its own deep copy: Wagtail and the views hang per-request state on
these objects (``_request``, URL caches), which must never pass from one reader to the
next.
"""

import copy
import threading
import time

from django.core.exceptions import DisallowedHost

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

MAX_AGE = 30
# Keys are per host, and a request's Host header is the client's: past this many, a
# generation's copies are dropped rather than grown without bound.
MAX_ENTRIES = 256

_lock = threading.Lock()
_kept = {"generation": None, "since": 0.0, "values": {}}


def forget():
    """Drop every copy (tests, or after changing rows without signals)."""
    global _kept
    with _lock:
        _kept = {"generation": None, "since": 0.0, "values": {}}


def _values_for(generation):
    global _kept
    now = time.monotonic()
    kept = _kept
    if (
        kept["generation"] != generation
        or now - kept["since"] > MAX_AGE
        or len(kept["values"]) >= MAX_ENTRIES
    ):
        with _lock:
            kept = _kept = {"generation": generation, "since": now, "values": {}}
    return kept["values"]


def _generation(request):
    # Imported here: the page cache imports the gate, whose settings model uses this module.
    from hub_site.cache.pages import current_generation, started_generation

    # Until the first change after the cache was emptied there is no generation: one is
    # started, so copies can be kept from the first request. 0: the cache is unreachable.
    return current_generation(request) or started_generation()


def remembered(request, key, load):
    """``load()``'s value, read once per generation per process; a fresh copy each call."""
    generation = _generation(request) if request is not None else 0
    if not generation:
        return load()
    # The generation is read before loading: a value read while a change commits is
    # kept under the old generation, which the change retires.
    values = _values_for(generation)
    try:
        value = values[key]
    except KeyError:
        value = values[key] = load()
    return copy.deepcopy(value)


def _site_key(request):
    try:
        host = request.get_host()
    except DisallowedHost:  # left to Wagtail and Django, which answer it 400
        return None
    return ("site", host, request.get_port())


class RememberedSiteMiddleware:
    """Give the request its Wagtail site from the per-generation copy, when there is one.

    ``Site.find_for_request`` keeps the site it found on ``request._wagtail_site`` and
    reads it from there for the rest of the request (its documented behaviour): setting it
    first saves the lookup query. Nothing is looked up here: a request that never needs
    the site (a reader sent to the gate) costs no query, and the site a request did look up
    is kept for the next one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _site_key(request)
        generation = _generation(request) if key is not None else 0
        values = _values_for(generation) if generation else None
        if values is not None and key in values:
            request._wagtail_site = copy.deepcopy(values[key])
            values = None
        response = self.get_response(request)
        if values is not None and hasattr(request, "_wagtail_site"):
            values[key] = copy.deepcopy(request._wagtail_site)
        return response


class RememberedSiteSetting(BaseSiteSetting):
    """A site setting read once per generation, not once per request."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            raise cls.DoesNotExist(f"{cls} does not exist for site None.")
        site_settings = remembered(
            request, ("setting", cls._meta.label, site.pk), lambda: cls.for_site(site)
        )
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings
