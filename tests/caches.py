"""Emptying every cache a test can see: the shared cache, and this process's copies.

A process keeps the content generation and copies made under it (hub_site/cache/memo.py,
hub_site/cache/generation.py); emptying Redis behind its back shows there only within
``generation.TRUST_SECONDS``, so tests drop them too.
"""

from django.core.cache import cache

from hub_site.cache import memo


def empty_caches():
    cache.clear()
    memo.forget()
