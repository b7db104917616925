"""The reader's own cookies: who answered (a random id), and what just happened to an answer.

Readers are not CMS users and need no server-side session: a signed cookie
(``settings.READER_COOKIE_NAME``) carries a random 32-character id, from which
``surveys.readers`` derives the pseudonymous respondent key. Taking a vote or an answer then
writes one row, the answer, instead of a session row as well.

The one-off notice for the next page ("thank you", "you have already voted") travels in a
second signed cookie (``settings.READER_NOTICE_COOKIE_NAME``), set on the redirect after the
answer, deleted by the page that shows it, and dropped by the browser after
``NOTICE_MAX_AGE`` seconds if no page does. It is apart so that the reader cookie stays the
same from page to page: a reader who carries only that one can get the shared copy of a
page whose personal parts the edge fills in from ``surveys.reader_parts``, and the edge's
subrequests can neither set nor delete a cookie. A request carrying a notice is rendered
for that reader alone (``hub_site.cache.reader_state``).

Both cookies are signed with SECRET_KEY (a reader cannot pick another's id or forge a
notice), HttpOnly, SameSite=Lax and Secure like the session cookie. The reader cookie is
kept until the browser closes; the app also refuses one signed more than
``SESSION_COOKIE_AGE`` seconds ago, as it would an expired session.
"""

import secrets
import string

from django.conf import settings
from django.core import signing

SALT = "surveys.reader"
NOTICE_SALT = "surveys.reader.notice"
# Long enough for the redirect back to the page and a slow network; short, because every
# page the reader reads while it lasts is rendered for them alone.
NOTICE_MAX_AGE = 600
ID_LENGTH = 32
ID_ALPHABET = string.ascii_lowercase + string.digits


class ReaderState:
    def __init__(self, reader_id=None):
        self.reader_id = reader_id
        self.changed = False

    def start(self):
        self.reader_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        self.changed = True

    def renew(self):
        """Sign the same id again, so the cookie lasts a session from this answer."""
        self.changed = True

    def as_cookie_value(self):
        return signing.dumps({"id": self.reader_id}, salt=SALT, compress=True)


class ReaderNotice:
    """The notice for one part of the next page: its target and what happened there."""

    def __init__(self, target=None, state=None):
        self.target = target
        self.state = state
        self.changed = False

    def leave(self, target, state):
        self.target, self.state = target, state
        self.changed = True

    def take(self, target):
        """The state noted for ``target``, once; None when the notice is for another part."""
        if self.target is None or self.target != target:
            return None
        state = self.state
        self.target = self.state = None
        self.changed = True
        return state

    def as_cookie_value(self):
        return signing.dumps({"target": self.target, "state": self.state}, salt=NOTICE_SALT)


def _is_reader_id(value):
    return isinstance(value, str) and len(value) == ID_LENGTH and set(value) <= set(ID_ALPHABET)


def state_from_cookie(raw):
    try:
        data = signing.loads(raw, salt=SALT, max_age=settings.SESSION_COOKIE_AGE)
    except (signing.BadSignature, ValueError):  # tampered, expired, or not ours
        return ReaderState()
    if not isinstance(data, dict) or not _is_reader_id(data.get("id")):
        return ReaderState()
    # Cookies written before the notice had its own cookie also hold a "flash": ignored.
    return ReaderState(data["id"])


def notice_from_cookie(raw):
    try:
        data = signing.loads(raw, salt=NOTICE_SALT, max_age=NOTICE_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return ReaderNotice()
    if not isinstance(data, dict):
        return ReaderNotice()
    target, state = data.get("target"), data.get("state")
    if not isinstance(target, str) or not isinstance(state, str):
        return ReaderNotice()
    return ReaderNotice(target, state)


def reader_state(request):
    """This request's reader state, read from the cookie once."""
    state = getattr(request, "_reader_state", None)
    if state is None:
        raw = request.COOKIES.get(settings.READER_COOKIE_NAME)
        state = state_from_cookie(raw) if raw else ReaderState()
        request._reader_state = state
    return state


def reader_notice(request):
    """This request's notice, read from its cookie once."""
    notice = getattr(request, "_reader_notice", None)
    if notice is None:
        raw = request.COOKIES.get(settings.READER_NOTICE_COOKIE_NAME)
        notice = notice_from_cookie(raw) if raw else ReaderNotice()
        request._reader_notice = notice
    return notice


class ReaderCookieMiddleware:
    """Write the reader's cookies when the request changed them; delete a notice shown.

    Below ``SharedCacheHeadersMiddleware`` and the page cache in MIDDLEWARE: they see the
    cookies on the response and keep no copy of it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "_reader_state", None)
        if state is not None and state.changed and state.reader_id:
            response.set_cookie(
                settings.READER_COOKIE_NAME,
                state.as_cookie_value(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        notice = getattr(request, "_reader_notice", None)
        if notice is not None and notice.changed:
            self.write_notice(request, response, notice)
        return response

    def write_notice(self, request, response, notice):
        name = settings.READER_NOTICE_COOKIE_NAME
        if notice.target is not None:
            response.set_cookie(
                name,
                notice.as_cookie_value(),
                max_age=NOTICE_MAX_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif name in request.COOKIES:
            response.delete_cookie(name, samesite="Lax")
