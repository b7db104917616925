"""Who answered: the anonymous reader behind the reader cookie.

Readers are not CMS users and need no server-side session: a signed cookie
(``settings.READER_COOKIE_NAME``, "hub_reader") carries a random 32-character id, from
which the pseudonymous respondent key stored with each answer is derived (a salted hash:
never the raw id). Taking a vote or an answer then writes one row, the answer, instead of
a session row as well; the one-answer rules are unique constraints on that key.

The cookie stays the same from page to page, so that a reader who carries only this one
can get the shared copy of a page whose personal parts the edge fills in (the part views
in ``surveys.views``); what just happened to an answer travels in a cookie of its own
(``surveys.notices``). ``ReaderCookieMiddleware`` (``surveys.middleware``) writes both.

The cookie is signed with SECRET_KEY (a reader cannot pick another's id), HttpOnly,
SameSite=Lax and Secure like the session cookie, and kept until the browser closes; the
app also refuses one signed more than ``SESSION_COOKIE_AGE`` seconds ago, as it would an
expired session. A reader who drops it gets a new id: the per-address limits
(``hub_site.security.ratelimit``) cover that.
"""

import secrets
import string

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

SALT = "surveys.reader"
ID_LENGTH = 32
ID_ALPHABET = string.ascii_lowercase + string.digits
# The request attribute the reader's state is kept under once read.
ATTRIBUTE = "hub_reader_state"


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
        # A fresh nonce each time: the edge keeps a reader's parts under their whole cookie,
        # and two answers within the same second would otherwise sign the same value.
        value = {"id": self.reader_id, "nonce": secrets.token_hex(4)}
        return signing.dumps(value, salt=SALT, compress=True)


def _is_reader_id(value):
    return isinstance(value, str) and len(value) == ID_LENGTH and set(value) <= set(ID_ALPHABET)


def state_from_cookie(raw):
    if not raw:
        return ReaderState()
    try:
        data = signing.loads(raw, salt=SALT, max_age=settings.SESSION_COOKIE_AGE)
    except (signing.BadSignature, ValueError):  # tampered, expired, or not ours
        return ReaderState()
    if not isinstance(data, dict) or not _is_reader_id(data.get("id")):
        return ReaderState()
    # Cookies written before the notice had its own cookie also hold a "flash": ignored.
    return ReaderState(data["id"])


def read_once(request, attribute, cookie_name, from_cookie):
    """The reader's cookie ``cookie_name`` as ``from_cookie`` reads it, kept on the request
    under ``attribute``: read once, and there for the middleware to write back if changed."""
    value = getattr(request, attribute, None)
    if value is None:
        value = from_cookie(request.COOKIES.get(cookie_name, ""))
        setattr(request, attribute, value)
    return value


def reader_state(request):
    """This request's reader state."""
    return read_once(request, ATTRIBUTE, settings.READER_COOKIE_NAME, state_from_cookie)


def is_preview(request):
    # Wagtail marks its preview requests; the dummy ones it builds have no session either.
    return getattr(request, "is_preview", False) or getattr(request, "session", None) is None


def has_reader_state(request):
    """Whether the reader carries a valid reader cookie: parts of a page are their own."""
    return reader_state(request).reader_id is not None


def _respondent(reader_id):
    return salted_hmac("surveys.respondent", reader_id, algorithm="sha256").hexdigest()


def respondent_key(request):
    """The reader's pseudonymous key, or None when they have no reader id yet."""
    if is_preview(request):  # an editor's preview answers nothing
        return None
    state = reader_state(request)
    if state.reader_id is None:
        return None
    return _respondent(state.reader_id)


def answering_respondent(request):
    """(the answering reader's key, whether they had a reader id before this answer).

    A reader without one gets one now, so cannot have answered before.
    """
    if is_preview(request):
        return None, False
    state = reader_state(request)
    returning = state.reader_id is not None
    if returning:
        # Signed anew on each answer (never on a page view, which must leave the cookie as
        # it is): the reader is known for a session from their last answer.
        state.renew()
    else:
        state.start()
    return _respondent(state.reader_id), returning
