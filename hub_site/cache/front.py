"""The app page cache's hits, answered in front of Django's request handler.

For a hit, everything Django's handler does around the middleware chain (the
``request_started`` and ``request_finished`` signals with their database connection
checks, the chain of middleware calls, building an ``HttpResponse``) is work without
effect. ``PageCacheApplication`` wraps the WSGI application: it builds Django's own
``WSGIRequest`` from the environ and asks ``hub_site.cache.pages.hit`` (the same checks as
``PageCacheMiddleware``: a GET from a confirmed reader without a session, a live entry of
the current generation, the confirmation cookie's signature and age), and answers with the
stored status, headers and body, when the reader's edge pass needs no change
(``hub_site.cache.edge_pass``). Anything else goes to Django unchanged, where the
middleware asks again and stores what may be kept.
"""

import logging
from http import HTTPStatus

from django.core.handlers.wsgi import WSGIRequest

from hub_site.cache.edge_pass import holds_the_right_pass
from hub_site.cache.pages import hit, hit_headers

logger = logging.getLogger(__name__)


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # HEAD goes to Django, whose handler drops the body as the method requires.
        if environ.get("REQUEST_METHOD") == "GET":
            answer = self.cached(environ)
            if answer is not None:
                status_line, headers, content = answer
                start_response(status_line, headers)
                return [content]
        return self.application(environ, start_response)

    def cached(self, environ):
        try:
            request = WSGIRequest(environ)
            stored = hit(request)
        except Exception:
            # A shortcut only: whatever it trips on (a host Django refuses, say), Django
            # answers properly.
            logger.debug("page cache front passed a request to Django", exc_info=True)
            return None
        if stored is None or not holds_the_right_pass(request):
            return None  # Django answers, and the edge pass middleware renews the pass
        status, headers, content = stored
        return f"{status} {HTTPStatus(status).phrase}", hit_headers(request, headers), content
