"""The edge pass: a cookie that stands for a checked HCP confirmation, in a form nginx
verifies in C with its ``secure_link`` module.

The confirmation cookie is Django's signed value (HMAC-SHA256, base62 time, every key of
``SECRET_KEY_FALLBACKS``), which nginx can only check in njs, at a quarter of the edge's
throughput. So the app, having checked a reader's confirmation, gives them a pass beside it:

    hub_edge_pass = <expires>.<base64url MD5 of "<expires>|<lifetime>|<secret>">

- ``expires`` is when the confirmation ends: the time it was signed plus the gate's
  lifetime for the site, so the pass ends with it.
- ``lifetime`` is that lifetime in seconds. The edge hashes its own current value
  (deploy/nginx.conf), so shortening or lengthening the lifetime invalidates every pass
  at once; the app then checks each reader's confirmation again and hands out new passes
  to those still inside the new lifetime.
- ``secret`` is derived from ``SECRET_KEY`` and sent to the edge in its policy
  (hub_site/cache/edge_policy.py). After a key rotation the edge refuses the old passes,
  and the app, which still accepts confirmations signed with the previous keys, renews them.

nginx's ``secure_link`` computes only MD5. With the secret last in the hashed string and
nothing a reader chooses in it, a pass cannot be extended or forged without the secret.

The pass follows the confirmation on every response: set when a reader confirms or first
comes with a valid confirmation, renewed when it no longer matches, deleted when the
confirmation is withdrawn or no longer valid. A response that changes it is private, so no
shared cache keeps one reader's cookie. Only when the app has edges to tell
(``EDGE_POLICY_URLS``): without an edge nobody reads the pass.
"""

import base64
import hashlib
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost, MiddlewareNotUsed
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac

from hub_site.cache.memo import remembered
from hub_site.gate.cookies import COOKIE_NAME, confirmation_lifetime, signed_time

PASS_COOKIE = "hub_edge_pass"  # noqa: S105 - a cookie name, not a password


def secret():
    """The edge's secret, derived from ``SECRET_KEY``: never the key itself."""
    return salted_hmac(__name__, "edge pass", algorithm="sha256").hexdigest()


def pass_value(signed_at, lifetime_seconds):
    """The pass for a confirmation signed at ``signed_at`` under a lifetime (seconds)."""
    expires = int(signed_at) + int(lifetime_seconds)
    signed = f"{expires}|{int(lifetime_seconds)}|{secret()}".encode()
    # MD5 because nginx's secure_link computes nothing else (see the module's docstring).
    digest = hashlib.md5(signed).digest()  # noqa: S324
    return f"{expires}.{base64.urlsafe_b64encode(digest).rstrip(b'=').decode()}"


def lifetime_seconds(request):
    """The gate's confirmation lifetime for the request's site, read once per generation."""
    key = ("confirmation lifetime", request.get_host(), request.get_port())
    return remembered(request, key, lambda: int(confirmation_lifetime(request).total_seconds()))


def confirmation_after(request, response=None):
    """The confirmation cookie's value as the browser will hold it after ``response``."""
    confirmation = None if response is None else response.cookies.get(COOKIE_NAME)
    if confirmation is not None:  # the gate confirmed or withdrew just now
        return confirmation.value
    return request.COOKIES.get(COOKIE_NAME)


def pass_for(request, response=None):
    """The pass the reader should hold after ``response``, or None."""
    value = confirmation_after(request, response)
    signed_at = signed_time(value) if value else None
    if signed_at is None:
        return None
    lifetime = lifetime_seconds(request)
    if time.time() > signed_at + lifetime:
        return None
    return pass_value(signed_at, lifetime)


def holds_the_right_pass(request):
    """Whether the reader's pass needs no change (always, without an edge): the page cache's
    front (hub_site/cache/front.py) answers only them, and leaves the others to the
    middleware."""
    if not settings.EDGE_POLICY_URLS:
        return True
    return request.COOKIES.get(PASS_COOKIE) == pass_for(request)


class EdgePassMiddleware:
    """Give each reader the pass their confirmation earns (outside the page cache, so a
    cached copy never holds one)."""

    def __init__(self, get_response):
        if not settings.EDGE_POLICY_URLS:
            raise MiddlewareNotUsed("no edge checks passes")
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        held = request.COOKIES.get(PASS_COOKIE)
        try:
            wanted = pass_for(request, response)
        except DisallowedHost:  # Django answers the request itself 400
            return response
        if wanted == held:
            return response
        if wanted:
            expires = int(wanted.split(".", 1)[0])
            response.set_cookie(
                PASS_COOKIE,
                wanted,
                max_age=max(expires - int(time.time()), 0),
                secure=settings.HCP_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif held is not None:
            response.delete_cookie(PASS_COOKIE, samesite="Lax")
        else:
            return response
        patch_cache_control(response, private=True)
        return response
