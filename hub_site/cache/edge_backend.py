"""Wagtail's HTTP purge backend, telling the queue which purges the edge did not take.

Wagtail's ``HTTPBackend`` logs a purge that fails and carries on, so nothing could retry it.
This backend sends the same request (Wagtail's own ``PurgeRequest``, through the backend's
``LOCATION``) and raises ``PurgeFailed`` with the URLs the edge refused or did not answer
(hub_site/cache/edge.py retries them). Configured in ``WAGTAILFRONTENDCACHE`` as Wagtail's
would be.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

from hub_site.cache.edge import PurgeFailed

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10


class CheckedHTTPBackend(HTTPBackend):
    def __init__(self, params):
        self.location = urlsplit(params["LOCATION"])
        super().__init__(params)

    def request_for(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        return PurgeRequest(
            url=urlunsplit(
                (self.location.scheme, self.location.netloc, parsed.path, parsed.query, "")
            ),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        failed = []
        for url in urls:
            try:
                # LOCATION is the operator's own purge URL, never a reader's.
                with urlopen(self.request_for(url), timeout=TIMEOUT_SECONDS):  # noqa: S310
                    pass
            except (URLError, OSError) as error:  # HTTPError is a URLError
                logger.warning("the edge did not take the purge of %s: %s", url, error)
                failed.append(url)
        if failed:
            raise PurgeFailed(failed)
