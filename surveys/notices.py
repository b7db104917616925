"""What just happened to a reader's answer: a one-off notice for the next page.

"Thank you", or "you have already answered": left on the redirect after the answer, in a
signed cookie of its own (``settings.READER_NOTICE_COOKIE_NAME``), deleted by the page that
shows it, and dropped by the browser after ``NOTICE_MAX_AGE`` seconds if no page does. It
is apart from the reader cookie (``surveys.reader_identity``), which must stay the same
from page to page, and the edge's subrequests can neither set nor delete a cookie. A
request carrying a notice is rendered for that reader alone
(``hub_site.cache.reader_state``). ``ReaderCookieMiddleware`` (``surveys.middleware``)
writes it.
"""

from django.conf import settings
from django.core import signing

from surveys.reader_identity import is_preview, read_once

NOTICE_SALT = "surveys.reader.notice"
# Long enough for the redirect back to the page and a slow network; short, because every
# page the reader reads while it lasts is rendered for them alone.
NOTICE_MAX_AGE = 600
# The request attribute the notice is kept under once read.
ATTRIBUTE = "hub_reader_notice"


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


def notice_from_cookie(raw):
    if not raw:
        return ReaderNotice()
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


def reader_notice(request):
    """This request's notice."""
    return read_once(request, ATTRIBUTE, settings.READER_NOTICE_COOKIE_NAME, notice_from_cookie)


def leave_notice(request, target, state):
    """Remember, for the reader's next page view, what happened to their answer."""
    reader_notice(request).leave(target, state)


def take_notice(request, target):
    """The notice for ``target``, which the page shown now deletes; None when there is none."""
    if is_preview(request):
        return None
    return reader_notice(request).take(target)
