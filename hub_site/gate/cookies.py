"""The confirmation cookie: signed with SECRET_KEY, timestamped, checked against the lifetime.

The lifetime is an editor's setting (``HcpGateSettings``) and is checked on every request
against the signature's timestamp, so shortening it also ends older confirmations; the
cookie's own Max-Age only tells the browser when to forget it.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing

from hub_site.models import DEFAULT_COOKIE_LIFETIME_DAYS, HcpGateSettings

COOKIE_NAME = "hcp_confirmed"
SIGNING_SALT = "hub_site.gate"
CONFIRMED = "1"


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
    if COOKIE_NAME not in request.COOKIES:
        return False
    value = request.get_signed_cookie(
        COOKIE_NAME,
        default=None,
        salt=SIGNING_SALT,
        max_age=lifetime if lifetime is not None else confirmation_lifetime(request),
    )
    return value == CONFIRMED


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
