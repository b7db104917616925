"""Per-process copies of what every reader request reads: the site, its settings, the
gate's copy, the article a URL routes to, and the page cache's whole responses
(hub_site.cache.pages).

They change only when someone saves them, and every retirement of cached pages moves the
sequence (``hub_site.cache.generation``). A copy is kept for the sequence it was read
under, and for at most ``MAX_AGE`` seconds: a change made behind the signals' back
(``QuerySet.update``) still shows within ``MAX_AGE``. A process that cannot reach the
shared cache (no sequence) reads the database. A copy keeps the tags of what its loading
read (``hub_site.shown``), and a page that uses the copy notes them as if it had read the
rows itself.

Each request gets its own deep copy of a row: Wagtail and the views hang per-request state on
these objects (the request, URL caches), which must never pass from one reader to the
next.

Code outside the caching layer reads through ``hub_site.remembered``, where the caching app
installs ``remembered`` when it starts.
"""

import copy
import threading
import time
from typing import NamedTuple

from django.core.exceptions import DisallowedHost

from hub_site import shown
from hub_site.cache import generation

MAX_AGE = 30


class Kept(NamedTuple):
    """What a store keeps: the values read under one generation, since when."""

    generation: object
    since: float
    values: dict


class GenerationStore:
    """Values kept for one generation, for at most ``MAX_AGE`` seconds, at most
    ``max_entries`` of them."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self.forget()

    def forget(self):
        with self._lock:
            self.kept = Kept(generation=None, since=0.0, values={})

    def values_for(self, generation):
        now = time.monotonic()
        kept = self.kept
        if (
            kept.generation != generation
            or now - kept.since > MAX_AGE
            or len(kept.values) >= self.max_entries
        ):
            with self._lock:
                kept = self.kept = Kept(generation=generation, since=now, values={})
        return kept.values


# Keys are per host, and a request's Host header is the client's: past this many, a
# generation's copies are dropped rather than grown without bound.
rows = GenerationStore(max_entries=256)
# Whole responses of the page cache (hub_site.cache.pages), apart from the rows, so that
# many distinct URLs never push the rows out. Readers' requests can name any number of
# URLs; these are their bytes, a few tens of KB each.
pages = GenerationStore(max_entries=128)
# Pages found by routing, apart again: a site has more articles than rows. A request for
# an unknown slug keeps nothing.
routes = GenerationStore(max_entries=256)


def forget():
    """Drop every copy and the kept generation (tests, or after changing rows or the cache
    without signals)."""
    rows.forget()
    pages.forget()
    routes.forget()
    generation.forget()


def remembered(request, key, load, *, one_of_many=False):
    """``load()``'s value, read once per generation per process; a fresh copy each call.

    ``one_of_many`` values (an article per slug) are kept apart from the rows (``routes``).
    An exception from ``load`` (nothing found) is raised, and nothing kept.
    """
    read_under = generation.sequence_for_request(request) if request is not None else 0
    if not read_under:
        return load()
    # The sequence is read before loading: a value read while a change commits is kept
    # under the old sequence, which the change's retirement moves on.
    values = (routes if one_of_many else rows).values_for(read_under)
    try:
        value, tags = values[key]
    except KeyError:
        with shown.noting() as tags:
            value = load()
        values[key] = value, frozenset(tags)
    shown.note(*tags)
    return copy.deepcopy(value)


def _site_key(request):
    try:
        host = request.get_host()
    except DisallowedHost:  # left to Wagtail and Django, which answer it 400
        return None
    return ("site", host, request.get_port())


# Set on a request that has not looked its site up.
NOT_LOOKED_UP = object()


class RememberedSiteMiddleware:
    """Give the request its Wagtail site from the per-generation copy, when there is one.

    ``Site.find_for_request`` keeps the site it found on the request, under the attribute
    its docstring names, and reads it from there for the rest of the request: setting it
    first saves the lookup query. Wagtail has no public way to hand a request its site
    (caching the lookup in Wagtail itself was proposed in wagtail/wagtail#4142, closed
    without it; no open issue asks for it), so this middleware is the project's one writer
    of Wagtail's attribute. Nothing is looked up
    here: a request that never needs the site (a reader sent to the gate) costs no query,
    and the site a request did look up is kept for the next one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _site_key(request)
        read_under = generation.sequence_for_request(request) if key is not None else 0
        values = rows.values_for(read_under) if read_under else None
        if values is not None and key in values:
            request._wagtail_site = copy.deepcopy(values[key])  # noqa: SLF001 - see above
            values = None
        response = self.get_response(request)
        found = getattr(request, "_wagtail_site", NOT_LOOKED_UP)  # noqa: HUB001 - see above
        if values is not None and found is not NOT_LOOKED_UP:
            values[key] = copy.deepcopy(found)
        return response
