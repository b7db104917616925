"""The confirmation cookie: signed with SECRET_KEY, timestamped, checked against the lifetime.

The lifetime is an editor's setting (``HcpGateSettings``) and is checked on every request
against the signature's timestamp, so shortening it also ends older confirmations; the
cookie's own Max-Age only tells the browser when to forget it.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.core import signing

from hub_site.gate.models import DEFAULT_COOKIE_LIFETIME_DAYS, HcpGateSettings

COOKIE_NAME = "hcp_confirmed"
SIGNING_SALT = "hub_site.gate"
CONFIRMED = "1"
# Cookie values whose signature was checked, with the time they were signed: checking a
# signature costs more than a page-cache hit's every other step. Keyed by the secret too,
# so a value signed under another key is checked again. Cleared when full: a reader
# cannot fill it with values that were never signed.
_signed_at = {}
MAX_CHECKED_SIGNATURES = 4096


def confirmation_lifetime(request):
    try:
        days = HcpGateSettings.for_request(request).cookie_lifetime_days
    except HcpGateSettings.DoesNotExist:  # no Wagtail site answers for this host
        days = DEFAULT_COOKIE_LIFETIME_DAYS
    return timedelta(days=days)


def signed_confirmation():
    """The cookie value of a fresh confirmation, as ``HttpResponse.set_signed_cookie`` signs it."""
    return signing.get_cookie_signer(salt=COOKIE_NAME + SIGNING_SALT).sign(CONFIRMED)


def has_valid_confirmation(request, lifetime=None):
    """True for a correctly signed cookie younger than the lifetime; no query without a cookie.

    ``lifetime`` defaults to the site's setting; the page cache passes the one it kept.
    """
    value = request.COOKIES.get(COOKIE_NAME)
    if value is None:
        return False
    signed_at = signed_time(value)
    if signed_at is None:
        return False
    if lifetime is None:
        lifetime = confirmation_lifetime(request)
    return time.time() - signed_at <= lifetime.total_seconds()


def signed_time(value):
    """When the confirmation ``value`` was signed, or None if it is not a valid one.

    The same check as ``request.get_signed_cookie`` (its signer, salt and secret keys),
    with the age left to the caller.
    """
    key = (settings.SECRET_KEY, value)
    try:
        return _signed_at[key]
    except KeyError:
        pass
    signer = signing.get_cookie_signer(salt=COOKIE_NAME + SIGNING_SALT)
    try:
        if signer.unsign(value) != CONFIRMED:
            return None
        signed_at = signing.b62_decode(value.rsplit(signer.sep, 2)[1])
    except (signing.BadSignature, ValueError):
        return None
    if len(_signed_at) >= MAX_CHECKED_SIGNATURES:
        _signed_at.clear()
    _signed_at[key] = signed_at
    return signed_at


def set_confirmation(response, request):
    response.set_cookie(
        COOKIE_NAME,
        signed_confirmation(),
        max_age=confirmation_lifetime(request),
        secure=settings.HCP_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def clear_confirmation(response):
    response.delete_cookie(COOKIE_NAME, samesite="Lax")
