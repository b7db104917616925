"""Test settings (pytest): fast and self-contained."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *

DEBUG = False
SECRET_KEY = DEV_SECRET_KEY
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test set-up delivers to its outbox (locmem) whatever EMAIL_BACKEND says; the
# queue's own tests set EMAIL_BACKEND back to the queued one, which delivers there too.
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# pytest-xdist runs the suite in several processes ("gw0", "gw1", ...): each has its own
# test database (pytest-django adds the suffix), media folder, Redis database and key
# prefix, so one process emptying its cache or media never touches another's.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = str(BASE_DIR / "test-artifacts" / f"media{TEST_WORKER}")
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif TEST_WORKER:
    # Redis publishes to every database alike: the prefix keeps each worker's generation
    # channel its own too.
    # The worker's database counts down from the one REDIS_URL names (CI gives 15).
    redis_url = urlsplit(REDIS_URL)
    redis_db = int(redis_url.path.strip("/") or 0) - int(TEST_WORKER.removeprefix("gw"))
    # _replace is the documented public method of named tuples (urlsplit's SplitResult).
    REDIS_URL = urlunsplit(redis_url._replace(path=f"/{redis_db}"))
    CACHES["default"].update(LOCATION=REDIS_URL, KEY_PREFIX=f"hub{TEST_WORKER}")
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
    # Browser tests write from the live server's thread while the test's own thread writes
    # too (a tab closing releases its editing session as the test empties the database).
    # Each write transaction takes SQLite's lock when it begins and waits for it, instead
    # of failing with "database is locked" when two deferred transactions both upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

# Serve static files straight from the apps, as they change, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
HCP_COOKIE_SECURE = False  # served over plain HTTP
# Security: django-axes is switched on by the tests of login lockout (tests/security). Off
# elsewhere because Django's test client ``login()`` authenticates without a request, which
# django-axes' backend refuses.
AXES_ENABLED = False
