"""Whether a request carries state of its own, which no shared copy of a page may show."""

from django.conf import settings


def carries_own_state(request):
    """A session (a CMS user) or a reader's cookie (their answers and notices)."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or settings.READER_COOKIE_NAME in cookies
