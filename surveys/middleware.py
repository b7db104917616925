from django.conf import settings

from surveys import notices, reader_identity


class ReaderCookieMiddleware:
    """Write the reader's cookies when the request changed them; delete a notice shown.

    Below ``SharedCacheHeadersMiddleware`` and the page cache in MIDDLEWARE: they see the
    cookies on the response and keep no copy of it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only what the request read: a page that never asked leaves both cookies alone.
        state = getattr(request, reader_identity.ATTRIBUTE, None)
        if state is not None and state.changed and state.reader_id:
            response.set_cookie(
                settings.READER_COOKIE_NAME,
                state.as_cookie_value(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        notice = getattr(request, notices.ATTRIBUTE, None)
        if notice is not None and notice.changed:
            self.write_notice(request, response, notice)
        return response

    def write_notice(self, request, response, notice):
        name = settings.READER_NOTICE_COOKIE_NAME
        if notice.target is not None:
            response.set_cookie(
                name,
                notice.as_cookie_value(),
                max_age=notices.NOTICE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif name in request.COOKIES:
            response.delete_cookie(name, samesite="Lax")
