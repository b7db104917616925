"""The WSGI entry point behind nginx: Django's application, with the reader's address,
behind the app page cache's front (``hub_site.cache.wsgi``), which answers its hits.

nginx passes the client address in ``X-Real-IP``; the app (survey rate limits) reads
``REMOTE_ADDR``. The header is trusted only from the proxies listed in
``TRUSTED_PROXY_ADDRESSES`` (loopback, or an empty address for a unix socket), so a reader
cannot choose their own address by sending the header.
"""

import os

# isort: off
from hub_site.wsgi import application as django_application  # sets Django up

from hub_site.cache.wsgi import PageCacheApplication

# isort: on

page_cached_application = PageCacheApplication(django_application)

TRUSTED_PROXY_ADDRESSES = frozenset(
    os.environ.get("TRUSTED_PROXY_ADDRESSES", "127.0.0.1,::1,").split(",")
)


def application(environ, start_response):
    real_ip = environ.get("HTTP_X_REAL_IP")
    if real_ip and environ.get("REMOTE_ADDR", "") in TRUSTED_PROXY_ADDRESSES:
        environ["REMOTE_ADDR"] = real_ip
    return page_cached_application(environ, start_response)
