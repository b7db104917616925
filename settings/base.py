"""Settings shared by every deployment.

Everything that differs between deployments is read from the environment. Every variable
the project reads is declared once, in the ``env`` block below, with its type and default;
README.md, "Configuration", lists the same names (tests/hub_site/test_settings_environment.py
checks both). The settings modules read only these names: settings/dev.py and
settings/production.py pass ``default=`` where their default differs (the README says so),
and nothing outside settings/ reads the environment for a setting.
"""

from pathlib import Path

import environ

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from hub_site.translation.config import machine_translator_setting

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    # On in settings.dev (its own default); settings.production refuses it.
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    # Earlier keys, still accepted for signatures made with them (cookies, the edge's
    # check of the HCP confirmation): rotate by moving SECRET_KEY here.
    SECRET_KEY_FALLBACKS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    # Seconds a database connection is kept open (600 in settings.production).
    CONN_MAX_AGE=(int, 0),
    # psycopg's server-side binding with prepared statements, on PostgreSQL only.
    DATABASE_PREPARED_STATEMENTS=(bool, True),
    REDIS_URL=(str, ""),
    # The app's page cache lifetime: 300 when REDIS_URL is set (the default given below).
    PAGE_CACHE_SECONDS=(int, 0),
    # The edge's lifetime for a page, and past how many cached pages a change retires
    # every page instead of each (hub_site/cache).
    EDGE_CACHE_SECONDS=(int, 300),
    CACHE_RETIRE_ALL_ABOVE=(int, 1000),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    CONTENT_LANGUAGES=(list, ["en", "es", "fr", "de", "it", "pt"]),
    SITE_NAME=(str, "The ALL Hub"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Hub CMS <noreply@localhost>"),
    SERVER_EMAIL=(str, "Hub CMS <errors@localhost>"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    STATIC_ROOT=(str, str(BASE_DIR / "static_collected")),
    # Uploaded media: "local" (MEDIA_ROOT) or "s3", S3-compatible object storage every app
    # server shares (hub_site/media_storage.py). Empty keys: boto3's own credential chain.
    MEDIA_STORAGE=(str, "local"),
    S3_ENDPOINT_URL=(str, ""),
    S3_REGION=(str, "us-east-1"),
    S3_ACCESS_KEY_ID=(str, ""),
    S3_SECRET_ACCESS_KEY=(str, ""),
    S3_ADDRESSING_STYLE=(str, ""),
    # Images and their renditions, readable by anyone (optionally through S3_MEDIA_URL, a
    # CDN or proxy in front of the bucket); documents, private to the app.
    S3_MEDIA_BUCKET=(str, ""),
    S3_MEDIA_URL=(str, ""),
    S3_DOCUMENTS_BUCKET=(str, ""),
    LOG_LEVEL=(str, "INFO"),
    # "text", or "json" (settings.production's default).
    LOG_FORMAT=(str, "text"),
    # Raw survey responses, poll votes and support-form submissions are purged after this
    # many days (surveys/retention.py); survey and poll counts are kept.
    RESPONSE_RETENTION_DAYS=(int, 730),
    # Machine translation for translators (hub_site.translation); at most one is used.
    DEEPL_API_KEY=(str, ""),
    GOOGLE_CLOUD_TRANSLATE_PROJECT_ID=(str, ""),
    GOOGLE_CLOUD_TRANSLATE_CREDENTIALS_PATH=(str, ""),
    LIBRETRANSLATE_URL=(str, ""),
    LIBRETRANSLATE_API_KEY=(str, ""),
    # Staff second factor (django-two-factor-auth): staff who set up a device must use it;
    # with this on, every staff account must set one up before using the admin.
    STAFF_TWO_FACTOR_REQUIRED=(bool, False),
    # Background work (django-tasks): "immediate" runs it in the request (the embedded
    # default), "database" queues it for `manage.py db_worker` (production's default).
    TASK_QUEUE=(str, "immediate"),
    # /healthz answers 503 when a queued task has waited longer than this (seconds).
    TASK_QUEUE_STUCK_SECONDS=(int, 300),
    # Staff sessions' lifetime (8 hours), and failed logins before django-axes locks out.
    SESSION_COOKIE_AGE=(int, 8 * 60 * 60),
    AXES_FAILURE_LIMIT=(int, 5),
    # The proxies whose X-Real-IP header deploy/wsgi.py takes as the reader's address:
    # comma-separated, an empty entry standing for a unix socket.
    TRUSTED_PROXY_ADDRESSES=(str, "127.0.0.1,::1,"),
    # Read by settings.production only.
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    SECURE_HSTS_PRELOAD=(bool, False),
    # Plain HTTP on loopback (make serve, the benchmark, tests/production/).
    HUB_LOCAL_PLAIN_HTTP=(bool, False),
    # The edge: where purges go, where its confirmation policy goes (the purge URL's
    # /__edge/policy when empty), and the seconds after which each purge is sent again.
    FRONTEND_CACHE_PURGE_URL=(str, ""),
    EDGE_POLICY_URLS=(list, []),
    EDGE_REPURGE_SECONDS=(float, 2.0),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
SECRET_KEY_FALLBACKS = env("SECRET_KEY_FALLBACKS")
# Used by dev and test settings only; production refuses it.
DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub_site",
    "hub_site.gate",
    "hub_site.workflows",
    "hub_site.certification",
    "hub_site.security",
    "hub_site.languages",
    "hub_site.translation",
    "hub_site.releases",
    "hub_site.outcomes",
    "home",
    "articles",
    "surveys",
    "hub_site.cache",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
]

MIDDLEWARE = [
    # The edge pass that follows the reader's HCP confirmation, outside the page cache so
    # that no cached copy holds one; only with an edge (hub_site/cache/edge_pass.py).
    "hub_site.cache.edge_pass.EdgePassMiddleware",
    # The app's page cache (hub_site/cache/pages.py): answers hits with no query, and
    # stores what the next one marks shareable, with every header the others add.
    "hub_site.cache.pages.PageCacheMiddleware",
    # So every log line of the request carries its id (hub_site/logging.py).
    "hub_site.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "hub_site.security.middleware.reject_nul_in_path",
    "hub_site.security.middleware.ContentSecurityPolicyMiddleware",
    "hub_site.security.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions and CSRF: it must see the cookies they set (hub_site/cache/headers.py).
    "hub_site.cache.headers.SharedCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The Wagtail site from a per-process copy, for every later lookup (hub_site/cache/memo.py).
    "hub_site.cache.memo.RememberedSiteMiddleware",
    # Writes the reader's cookies (their answers' id, and notices, surveys/middleware.py).
    "surveys.middleware.ReaderCookieMiddleware",
    # Django's, except that an admin 404 is not redirected under a language prefix
    # (hub_site/languages/middleware.py).
    "hub_site.languages.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Survey and poll POSTs are checked by origin, not by token (hub_site/security/origin.py).
    "hub_site.security.origin.OriginCheckedPagePostsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(), then the staff second factor (hub_site/security/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "hub_site.security.two_factor.StaffSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last of the authentication ones: it answers locked-out logins (django-axes).
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After sessions, locale and authentication; before any page cache (a cache's Fetch
    # middleware goes below it), so a cached page never reaches an unconfirmed reader.
    "hub_site.gate.middleware.HcpGateMiddleware",
    # A page nginx fills in with edge includes is rendered as the shared copy, without the
    # reader's cookie: its process_view must run before the next one's
    # (hub_site/cache/edge_includes.py).
    "hub_site.cache.edge_includes.EdgeIncludesMiddleware",
    # A page that may be shared is rendered from its cache key's query parameters only
    # (hub_site/cache/variants.py); its process_view must run before the next one's.
    "hub_site.cache.variants.VariantMiddleware",
    # Below the gate: the app's page cache keeps only pages the gate let through.
    "hub_site.cache.pages.PageCacheMissMiddleware",
]

ROOT_URLCONF = "hub_site.urls"
WSGI_APPLICATION = "hub_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db_url("DATABASE_URL")}
# Persistent connections, checked before reuse so a restarted database is survived.
DATABASES["default"]["CONN_MAX_AGE"] = env("CONN_MAX_AGE")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env(
    "DATABASE_PREPARED_STATEMENTS"
):
    # PostgreSQL spends longer planning a page's joins than running them: psycopg
    # prepares a query on a connection once it has run twice, and persistent connections
    # keep the plans. Turn off behind a transaction-pooling PgBouncer (docs/deploy.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that serves uncached while Redis is down (hub_site/cache_backends.py).
            "BACKEND": "hub_site.cache_backends.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hub",
            # Fail fast when Redis is unreachable rather than hold the request.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The app's page cache (hub_site/cache/pages.py): seconds a rendered page is kept for
# confirmed readers; 0 turns it off. On by default only with Redis: a local-memory cache
# is per process, and one process cannot retire the copies another keeps.
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS", default=300 if REDIS_URL else 0)
# Edge purges are sent once (settings.production sends them twice: EDGE_REPURGE_SECONDS).
EDGE_REPURGE_SECONDS = 0
# Seconds the edge (nginx, a CDN) may keep a page (Cache-Control: s-maxage). Purges make
# changes visible at once (hub_site/cache/invalidation.py); the lifetime only bounds how
# long anything a purge misses can stay.
EDGE_CACHE_SECONDS = env("EDGE_CACHE_SECONDS")
# The query parameters reader pages read: each page's copies are keyed on these alone, at
# both layers (hub_site/cache/variants.py; deploy/nginx.conf lists the same, in this order).
PAGE_VARIANT_PARAMETERS = ("page", "topic", "q", "article")
# A change shown on more cached pages than this retires every page in constant work
# instead of each of them (hub_site/cache/invalidation.py).
CACHE_RETIRE_ALL_ABOVE = env("CACHE_RETIRE_ALL_ABOVE")
# Pages and rows every page shows (the footer's funders, their levels and the link to them,
# the home page of every menu, the gate's copy): a change retires every page. Pages shown
# in menus count too, whatever their type, and so do site settings, sites and locales.
CACHE_SITE_WIDE_MODELS = (
    "home.HomePage",
    "home.FunderIndexPage",
    "home.FunderPage",
    "home.SponsorshipLevel",
    "hub_gate.GateCopy",
)
# Where the app sends the edge's confirmation policy (hub_site/cache/edge_policy.py).
EDGE_POLICY_URLS = []
# Purge each URL as it is: ours carry their language prefix already (Wagtail would
# otherwise send every URL once per content language).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Sessions are written to the database and read through the cache: they survive a cache
# flush or a Redis restart.
SESSION_ENGINE = "hub_site.sessions.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: content languages are switched on from the start, because adding
# locales to a populated page tree later needs painful data migrations.
CONTENT_LANGUAGES = env("CONTENT_LANGUAGES")
LANGUAGE_CODE = CONTENT_LANGUAGES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, _(LANG_INFO[code]["name"])) for code in CONTENT_LANGUAGES
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats first (English "Oct 24, 2025"), Django's for everything not set there.
FORMAT_MODULE_PATH = ["hub_site.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# MEDIA_STORAGE=s3: uploads on object storage every app server shares (docs/deploy.md,
# "Many machines"). Images and renditions go to a bucket anyone may read, as /media/ is
# open on one machine; documents to a private bucket, streamed only by Wagtail's gated
# view (WAGTAILDOCS_SERVE_METHOD below). Renditions are made once for every server: their
# rows are in the database, their files in the shared bucket.
MEDIA_STORAGE = env("MEDIA_STORAGE")
if MEDIA_STORAGE == "s3":
    # Imported only here: boto3 is slow to import and local disk does not need it.
    from hub_site.media_storage import s3_media_storage

    STORAGES["default"] = s3_media_storage(
        endpoint_url=env("S3_ENDPOINT_URL"),
        region=env("S3_REGION"),
        access_key_id=env("S3_ACCESS_KEY_ID"),
        secret_access_key=env("S3_SECRET_ACCESS_KEY"),
        addressing_style=env("S3_ADDRESSING_STYLE"),
        media_bucket=env("S3_MEDIA_BUCKET"),
        media_url=env("S3_MEDIA_URL"),
        documents_bucket=env("S3_DOCUMENTS_BUCKET"),
    )
elif MEDIA_STORAGE != "local":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
# Messages go on the task queue (hub_site/mail.py); the worker delivers them through the
# backend EMAIL_URL names.
EMAIL_DELIVERY_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "hub_site.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL")

# Complex page models exceed Django's default of 1000 fields in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env("SITE_NAME")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
# What goes live is exactly what medical and compliance review approved: an edit made
# after a step approved sends the page back through review from the first step.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "hub_site.workflows.actions.publish_approved_revision"
# Translating a live page makes a draft in the target locale: it goes live only through
# that locale's translation review, with a certificate (wagtail-localize would otherwise
# publish the untranslated copy at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Documents are for HCPs: always streamed by Wagtail's (gated) view, never linked to the
# file under MEDIA_URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hub_site.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "hub_site.logging.JsonFormatter"},
        "text": {"format": "%(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    # LOG_FORMAT=json (production's default) writes one JSON object a line.
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env("LOG_FORMAT"),
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    # Background tasks log every step at INFO; keep only their problems.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Background work: edge purges (hub_site/cache/edge.py), Wagtail's search-index and
# reference-index updates, and whatever else is enqueued with django-tasks, the task
# framework Wagtail uses. Queued in the database, a worker runs it (docs/operations.md).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env("TASK_QUEUE")]}}
TASK_QUEUE_STUCK_SECONDS = env("TASK_QUEUE_STUCK_SECONDS")

# Retention (surveys/retention.py, `manage.py purge_old_responses`, run daily).
RESPONSE_RETENTION_DAYS = env("RESPONSE_RETENTION_DAYS")

# HCP gate (hub_site.gate): the confirmation cookie is Secure unless a deployment on plain
# HTTP (development, tests) turns it off.
HCP_COOKIE_SECURE = True

# Security (hub_site.security; README "Security")
# Response headers: nosniff, referrer and Permissions-Policy on every response; HSTS and
# Secure cookies in settings/production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the admin's preview panel frames pages
PERMISSIONS_POLICY_DENIED = [
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "interest-cohort", "browsing-topics",
]  # fmt: skip
# Reader pages: no inline script at all (JSON-LD blocks are data, never executed, and CSP
# does not apply to them). Inline style attributes only (the poll's result bars).
_EMBED_FRAMES = [
    "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com",
]  # fmt: skip
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_EMBED_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The Wagtail admin's templates use inline scripts and styles, and its image editor data:
# fonts and blob: images; it gets what it needs on top of the reader pages' policy, and
# still may be framed by no other site and send forms nowhere else.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
    }
}
# Images on object storage come from the media bucket's origin (hub_site/media_storage.py).
if MEDIA_STORAGE == "s3":
    from hub_site.media_storage import media_origins

    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        _policy["DIRECTIVES"]["img-src"] += media_origins(STORAGES["default"]["OPTIONS"]["media"])
# The admin would otherwise load avatars from Gravatar and ask wagtail.org for new
# releases: requests to third parties the policy above (and privacy) rules out.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Host header: only ALLOWED_HOSTS (400 otherwise); a proxy's X-Forwarded-Host is never
# trusted for building absolute URLs (canonical, og:url, hreflang, e-mails).
USE_X_FORWARDED_HOST = False
USE_X_FORWARDED_PORT = False

# Cookies: HttpOnly where JavaScript never reads them, a deliberate SameSite on each.
# Lax keeps them on top-level links from elsewhere (an e-mail link to an article).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Staff sessions end after 8 hours, and when the browser closes.
SESSION_COOKIE_AGE = env("SESSION_COOKIE_AGE")
# Readers who answer a survey or vote get this signed cookie instead of a session; it
# lasts as long as a session would (surveys/reader_identity.py).
READER_COOKIE_NAME = "hub_reader"
# The one-off notice after an answer ("thank you"), in a signed cookie of its own that lives
# ten minutes, so the reader cookie never changes from page to page (surveys/notices.py).
READER_NOTICE_COOKIE_NAME = "hub_notice"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Staff logins: django-axes locks out a user name from an address after repeated failures.
# Axes checks first; its AxesBackend (unlike AxesStandaloneBackend) can also load users from
# the session, which code that signs in with the first backend (Wagtail's tests) needs.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign in through django-two-factor-auth's login (password, then a code when the
# account has a device); Wagtail's own login form would skip the code.
LOGIN_URL = "two_factor:login"
WAGTAILADMIN_LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"
STAFF_TWO_FACTOR_REQUIRED = env("STAFF_TWO_FACTOR_REQUIRED")
TWO_FACTOR_PATCH_ADMIN = False
OTP_TOTP_ISSUER = env("SITE_NAME")

AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT")
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "hub_security/lockout.html"
# No address is stored in clear: django-axes keeps a salted hash of it, and no log of
# successful logins.
AXES_CLIENT_IP_CALLABLE = "hub_site.security.ratelimit.pseudonymous_client_ip"
AXES_DISABLE_ACCESS_LOG = True

# Pages whose forms sit on cached pages: their POSTs are checked by the Origin and
# Sec-Fetch-Site headers instead of a CSRF token (hub_site/security/origin.py).
ORIGIN_CHECKED_PAGE_TYPES = ["surveys.SurveyPage", "surveys.PollPage"]

# Public POSTs: at most (count, per seconds) from one client address, then HTTP 429
# (hub_site/security/ratelimit.py).
PUBLIC_POST_RATE_LIMITS = {
    "hcp_confirm": (20, 60),
    "support_form": (5, 60),
    "surveys_and_polls": (10, 60),
}
# Votes and survey answers from a loopback address skip the per-address limits of
# hub_site.security.ratelimit: on only in settings.bench, the benchmark's (bench/run.py).
SURVEY_LIMITS_SKIP_LOOPBACK = False

# The reader's address: deploy/wsgi.py takes nginx's X-Real-IP header as REMOTE_ADDR only
# from these peers, so a reader cannot choose their own address by sending the header.
TRUSTED_PROXY_ADDRESSES = tuple(
    address.strip() for address in env("TRUSTED_PROXY_ADDRESSES").split(",")
)

# Uploads: sizes and pixels capped (also below Pillow's own decompression-bomb guard),
# raster formats only (an SVG may carry script), documents as downloads unless PDF.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Machine translation in wagtail-localize's editor: unset (no button) unless a service is
# configured in the environment.
_machine_translator = machine_translator_setting(
    deepl_api_key=env("DEEPL_API_KEY"),
    google_project_id=env("GOOGLE_CLOUD_TRANSLATE_PROJECT_ID"),
    google_credentials_path=env("GOOGLE_CLOUD_TRANSLATE_CREDENTIALS_PATH"),
    libretranslate_url=env("LIBRETRANSLATE_URL"),
    libretranslate_api_key=env("LIBRETRANSLATE_API_KEY"),
)
if _machine_translator is not None:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator
