"""Whether a request carries state of its own, which no shared copy of a page may show.

nginx reads the same cookies: it asks for a page with edge includes
(``hub_site.cache.edge_includes``) only for a reader with a reader cookie who carries
neither a session nor a notice, so those two are told apart here.
"""

from django.conf import settings


def carries_session(request):
    """A session cookie: a CMS user (or anyone the app gave a session)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def carries_reader_notice(request):
    """A one-off notice for this reader ("thank you"), shown and deleted by the next page.

    An empty value is no notice: it is what a client that keeps deleted cookies sends,
    and what nginx's ``$cookie_`` variable reads for a missing cookie too.
    """
    return bool(request.COOKIES.get(settings.READER_NOTICE_COOKIE_NAME))


def carries_own_state(request):
    """A session, a reader's cookie (their answers) or a notice."""
    return (
        carries_session(request)
        or settings.READER_COOKIE_NAME in request.COOKIES
        or carries_reader_notice(request)
    )
