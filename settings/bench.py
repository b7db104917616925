"""The benchmark's settings: production's, with the one thing a benchmark needs on top.

``bench/run.py`` starts the production stack with ``DJANGO_SETTINGS_MODULE=settings.bench``
(deploy/stack.py's ``Stack.settings_module``). Its row 6 has wrk on 127.0.0.1 vote as
thousands of readers, so votes and survey answers from a loopback address skip the
per-address limits of hub_site.security.ratelimit (one vote per reader still holds). Behind a
proxy on a server every reader would come from loopback and the limits would be lifted for everyone,
so these settings load only on loopback, with HUB_LOCAL_PLAIN_HTTP (which settings.production
accepts only for loopback hosts). Never use them on a server.
"""

from django.core.exceptions import ImproperlyConfigured

from .production import *

if not HUB_LOCAL_PLAIN_HTTP:
    raise ImproperlyConfigured(
        "settings.bench is for benchmarks on loopback, with HUB_LOCAL_PLAIN_HTTP "
        "(deploy/stack.py sets it)."
    )

SURVEY_LIMITS_SKIP_LOOPBACK = True
