"""Django's cached_db sessions, without a lookup before each new session.

Django asks the cache, then the database, whether a freshly drawn key is taken before
creating the session. The key is 32 random characters of 36 (about 165 bits): a clash is
as likely as guessing a reader's key outright, and the database refuses one anyway (the
new row is inserted with ``force_insert``; ``create()`` then draws again). Every new
session (each first vote or survey answer, each CMS sign-in) saves a cache round trip and
a query.
"""

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class SessionStore(cached_db.SessionStore):
    # Django's session stores draw a key in these methods and offer no public hook for it.
    def _get_new_session_key(self):  # noqa: HUB001 - no public hook for drawing a key
        return get_random_string(32, VALID_KEY_CHARS)

    async def _aget_new_session_key(self):  # noqa: HUB001 - no public hook for drawing a key
        return self._get_new_session_key()  # noqa: HUB001 - no public hook for drawing a key
