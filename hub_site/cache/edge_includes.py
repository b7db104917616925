"""Pages nginx fills in with edge includes are rendered as the shared copy.

A reader who has voted or answered carries a reader cookie, and the parts of a page that
are theirs (their vote and its results, their answer to a survey) differ from everyone
else's. Rather than render every page afresh for them, nginx takes the copy every reader
shares and replaces those parts, marked in it with Server Side Includes commands
(``hub_site/templatetags/reader_parts.py``), with a small fragment rendered for the reader
alone (``surveys.views``). When that copy is missing, nginx asks the app for the page
with the request header ``X-Hub-Edge-Includes: 1``; the page must then be rendered as the
copy anyone may be given, as if the reader had no reader cookie, so that it is marked
``public`` and may be stored and shared.

``EdgeIncludesMiddleware`` does that: for a GET or HEAD of Wagtail's page view carrying the
header and neither a session nor a notice cookie (those pages are the reader's alone, and
nginx does not fill them in), it removes the reader cookie from ``request.COOKIES`` before
the view runs, so nothing downstream (the templates, the cache headers, the page cache)
sees reader state. Its ``process_view`` must run before ``PageCacheMissMiddleware``'s,
which decides from the cookies whether the page may be stored. Any other view, the
fragments included, is left alone.

Trusting the header is safe: nginx sets it (and clears any value the client sent) on the
requests it will fill in, and the app servers are reachable only from nginx. A client that
forged it anyway could only get what a reader without a reader cookie gets, the shared copy
of the page, in which their own state is not shown; it reveals nothing and changes nothing.
"""

from django.conf import settings

from hub_site.cache.reader_state import carries_reader_notice, carries_session
from hub_site.gate.access import WAGTAIL_PAGE_VIEW_NAME

HEADER = "X-Hub-Edge-Includes"


def wants_shared_copy(request):
    """A page request nginx will fill in with edge includes."""
    return (
        request.headers.get(HEADER) == "1"
        and request.method in ("GET", "HEAD")
        and request.resolver_match.view_name == WAGTAIL_PAGE_VIEW_NAME
        and not carries_session(request)
        and not carries_reader_notice(request)
    )


class EdgeIncludesMiddleware:
    """Render a page nginx fills in as the shared copy: without the reader's cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if wants_shared_copy(request):
            request.COOKIES.pop(settings.READER_COOKIE_NAME, None)
        return None
