"""Test settings: fast and self-contained (see wagtail/bakerydemo's settings/test.py)."""

import os

from .base import *

DEBUG = False
SECRET_KEY = DEV_SECRET_KEY
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test set-up delivers to its outbox (locmem) whatever EMAIL_BACKEND says; the
# queue's own tests set EMAIL_BACKEND back to the queued one, which delivers there too.
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(BASE_DIR / "test-artifacts" / "media")
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One process: the app's page cache is on with local memory too, as with Redis.
PAGE_CACHE_SECONDS = 300
WAGTAILADMIN_BASE_URL = "http://testserver"

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# test itself around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS_DIR = BASE_DIR / "test-artifacts"
ARTIFACTS_DIR.mkdir(exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory: tests can close and reopen the connection like production.
    DATABASES["default"]["TEST"] = {"NAME": str(ARTIFACTS_DIR / "test-db.sqlite3")}

# Serve static files straight from the apps, as they change, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
HCP_COOKIE_SECURE = False  # served over plain HTTP
# Security: django-axes is switched on by the tests of login lockout (tests/security). Off
# elsewhere because Django's test client ``login()`` authenticates without a request, which
# django-axes' backend refuses.
AXES_ENABLED = False
