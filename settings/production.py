"""Production: the security values have safe defaults, and what a server must be told
(SECRET_KEY, ALLOWED_HOSTS) has none. The environment variables are declared in
settings/base.py; this module reads them with production's defaults where those differ."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

if DEBUG:
    raise ImproperlyConfigured("DEBUG must not be set in production.")
DEBUG = False

if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in production to a long random value (not the development key)."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")

# Hashed, compressed static files that WhiteNoise serves with far-future Cache-Control.
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"
DATABASES["default"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE", default=600)
# Background work waits in the database for the worker (`manage.py db_worker`), not in the
# request of the person who clicked.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env("TASK_QUEUE", default="database")]}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Security: every cookie Secure over HTTPS; a year of HSTS (README "Security").
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD")
HCP_COOKIE_SECURE = True


# `make serve`, the benchmark and tests/production/ run this configuration over plain HTTP on
# 127.0.0.1. Only there, HUB_LOCAL_PLAIN_HTTP drops the Secure flag from the cookies, which
# browsers would otherwise not send back over HTTP. Never set it on a server (docs/deploy.md).
HUB_LOCAL_PLAIN_HTTP = env("HUB_LOCAL_PLAIN_HTTP")
if HUB_LOCAL_PLAIN_HTTP:
    if set(ALLOWED_HOSTS) - {"127.0.0.1", "localhost", "[::1]"}:
        raise ImproperlyConfigured("HUB_LOCAL_PLAIN_HTTP is for loopback hosts only.")
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
    HCP_COOKIE_SECURE = False
    SECURE_HSTS_SECONDS = 0

# Edge cache purge (hub_site/cache): Wagtail's HTTP frontend-cache backend sends PURGE
# requests to nginx (deploy/nginx.conf) when content changes. Off unless configured.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            # Wagtail's HTTPBackend, raising what failed so the queue retries it.
            "BACKEND": "hub_site.cache.edge_backend.CheckedHTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# The edge checks readers' edge passes with the lifetimes and the secret the app sends it
# (hub_site/cache/edge_policy.py): to each nginx's control URL, the purge target's by default.
EDGE_POLICY_URLS = env(
    "EDGE_POLICY_URLS",
    default=[f"{FRONTEND_CACHE_PURGE_URL}/__edge/policy"] if FRONTEND_CACHE_PURGE_URL else [],
)
# Every purge is sent again this many seconds later (hub_site/cache/invalidation.py): a
# response rendered from the old rows and still on its way when the first purge ran is
# not kept at the edge past it. 0: once only.
EDGE_REPURGE_SECONDS = env("EDGE_REPURGE_SECONDS")

# Structured logs (one JSON object a line, with the request id) unless LOG_FORMAT says text.
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", default="json")
