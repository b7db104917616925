"""The WSGI entry point behind nginx: Django's application, with the reader's address,
behind the app page cache's front (``hub_site.cache.front``), which answers its hits.

nginx passes the client address in ``X-Real-IP``; the app (survey rate limits) reads
``REMOTE_ADDR``. The header is trusted only from the proxies listed in
``settings.TRUSTED_PROXY_ADDRESSES`` (the environment variable of that name, declared in
settings/base.py: loopback, or an empty address for a unix socket, by default), so a reader
cannot choose their own address by sending the header.
"""

# isort: off
from hub_site.wsgi import application as django_application  # sets Django up

from django.conf import settings

from hub_site.cache.front import PageCacheApplication

# isort: on

page_cached_application = PageCacheApplication(django_application)

TRUSTED_PROXY_ADDRESSES = frozenset(settings.TRUSTED_PROXY_ADDRESSES)


def application(environ, start_response):
    real_ip = environ.get("HTTP_X_REAL_IP")
    if real_ip and environ.get("REMOTE_ADDR", "") in TRUSTED_PROXY_ADDRESSES:
        environ["REMOTE_ADDR"] = real_ip
    return page_cached_application(environ, start_response)
