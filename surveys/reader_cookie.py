"""The reader's own cookie: who answered (a random id) and what just happened to their answer.

Readers are not CMS users and need no server-side session: a signed cookie
(``settings.READER_COOKIE_NAME``) carries a random 32-character id, from which
``surveys.readers`` derives the pseudonymous respondent key, and the one-off notice for the
next page ("thank you", "you have already voted"). Taking a vote or an answer then writes
one row, the answer, instead of a session row as well (and a second write for the notice).

The cookie is signed with SECRET_KEY (a reader cannot pick another's id or forge a notice),
HttpOnly, SameSite=Lax, Secure like the session cookie, and kept by the browser until it
closes; the app also refuses one signed more than ``SESSION_COOKIE_AGE`` seconds ago, as it
would an expired session. A reader who carries it sees their own state, so neither the
app's page cache nor the edge answers them (``hub_site.cache.reader_state``).
"""

import secrets
import string

from django.conf import settings
from django.core import signing

SALT = "surveys.reader"
ID_LENGTH = 32
ID_ALPHABET = string.ascii_lowercase + string.digits


class ReaderState:
    def __init__(self, reader_id=None, flash=None):
        self.reader_id = reader_id
        self.flash = flash
        self.changed = False

    def start(self):
        self.reader_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        self.changed = True

    def set_flash(self, flash):
        self.flash = flash
        self.changed = True

    def as_cookie_value(self):
        return signing.dumps({"id": self.reader_id, "flash": self.flash}, salt=SALT, compress=True)


def _is_reader_id(value):
    return isinstance(value, str) and len(value) == ID_LENGTH and set(value) <= set(ID_ALPHABET)


def state_from_cookie(raw):
    try:
        data = signing.loads(raw, salt=SALT, max_age=settings.SESSION_COOKIE_AGE)
    except (signing.BadSignature, ValueError):  # tampered, expired, or not ours
        return ReaderState()
    if not isinstance(data, dict) or not _is_reader_id(data.get("id")):
        return ReaderState()
    flash = data.get("flash")
    return ReaderState(data["id"], flash if isinstance(flash, dict) else None)


def reader_state(request):
    """This request's reader state, read from the cookie once."""
    state = getattr(request, "_reader_state", None)
    if state is None:
        raw = request.COOKIES.get(settings.READER_COOKIE_NAME)
        state = state_from_cookie(raw) if raw else ReaderState()
        request._reader_state = state
    return state


class ReaderCookieMiddleware:
    """Write the reader's cookie when the request changed it.

    Below ``SharedCacheHeadersMiddleware`` and the page cache in MIDDLEWARE: they see the
    cookie on the response and keep no copy of it.
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
        return response
