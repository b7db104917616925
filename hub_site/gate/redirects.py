"""Where a reader may be sent back to after the gate: only paths on this site."""

import unicodedata
from urllib.parse import unquote

from django.utils.http import url_has_allowed_host_and_scheme

MAX_RETURN_URL_LENGTH = 2000


def _has_control_characters(value):
    return any(unicodedata.category(char)[0] == "C" for char in value)


def safe_return_url(value, request):
    """Return ``value`` if it is a path on this site, else ``None``.

    Django's check alone accepts absolute URLs to this host and leaves browser quirks to
    chance, so the value must also be a plain path: one leading "/", not followed by "/"
    or "\\", even once percent-decoded, and free of control characters (browsers drop
    tabs and newlines, which would turn "/\\t/evil.example" into "//evil.example").
    """
    if not value or len(value) > MAX_RETURN_URL_LENGTH:
        return None
    if not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    for candidate in (value, unquote(value)):
        if _has_control_characters(candidate):
            return None
        if not candidate.startswith("/") or candidate[1:2] in ("/", "\\"):
            return None
    return value
