"""Reads every reader request repeats, made through a seam the caching layer fills.

The site's settings, the gate's copy, the article a URL routes to: every request reads the
same rows until someone changes them. Code that reads them calls
``remembered(request, key, load)``, which on its own is ``load()``. The page caching app
installs its per-process memo here when it starts (``hub_site.cache.apps``), so content apps
and models never import the caching layer, and read the database as before without it.
"""

_memo = None


def remember_with(memo):
    """Serve every later read through ``memo(request, key, load, *, one_of_many)``; None
    reads the database again."""
    global _memo  # one per process, installed once at start-up
    _memo = memo


def remembered(request, key, load, *, one_of_many=False):
    """``load()``'s value, or a copy of the one the installed memo keeps under ``key``.

    ``key`` names what ``load`` reads, the same for every request. ``one_of_many``: a value
    of which a site has many (an article per slug), kept apart from the few every request
    reads. An exception from ``load`` (nothing found) is raised, and nothing kept.
    """
    if _memo is None:
        return load()
    return _memo(request, key, load, one_of_many=one_of_many)
