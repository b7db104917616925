"""The test settings without the caching layer (``hub_site.cache``): its app, its
middleware and the page cache switched off by settings alone. The content apps (``home``,
``articles``, ``surveys``) work the same without it:

    DJANGO_SETTINGS_MODULE=settings.test_without_caches .venv/bin/python -m pytest \
        -n auto tests/home tests/articles tests/surveys
"""

from .test import *

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "hub_site.cache"]
MIDDLEWARE = [entry for entry in MIDDLEWARE if not entry.startswith("hub_site.cache.")]
PAGE_CACHE_SECONDS = 0
