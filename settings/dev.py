"""Local development: debug on, console e-mail, any host on loopback."""

from .base import *

DEBUG = env("DEBUG", default=True)
# A fixed key is fine on a developer's machine; production refuses this exact value.
SECRET_KEY = env("SECRET_KEY") or DEV_SECRET_KEY
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve static files straight from the apps, as they change, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
HCP_COOKIE_SECURE = False  # served over plain HTTP
