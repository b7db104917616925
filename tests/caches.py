"""Emptying every cache a test can see: the shared cache, and this process's copies.

A process keeps the content generation and copies made under it (hub_site/cache/memo.py,
hub_site/cache/generation.py), the index of cached pages when it has no Redis
(hub_site/cache/index.py) and the touches waiting for a commit; emptying Redis behind its
back shows there only within ``generation.TRUST_SECONDS``, so tests drop them too.
"""

from django.core.cache import cache

from hub_site.cache import index, invalidation, memo


def empty_caches():
    cache.clear()
    memo.forget()
    index.index().clear()
    invalidation.forget_pending()
