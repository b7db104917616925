"""Per-client-address limits on public POSTs, counted in Django's cache.

The address is never stored: the cache key holds a salted HMAC of it (``SECRET_KEY`` is
the salt, so rotating the key rotates every hash). Surveys and polls keep their own
limiter (``surveys.readers``, the same scheme with its one-answer rules); this one covers
the other public forms: the HCP confirmation and the support form.
"""

from functools import wraps
from ipaddress import IPv6Address

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac


def _address_hash(request):
    return salted_hmac(
        "hub_security.address", request.META.get("REMOTE_ADDR", ""), algorithm="sha256"
    ).hexdigest()


def count_in_window(key, window):
    """Count one event under ``key`` in a fixed window of ``window`` seconds; the new count."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, timeout=window)
        return 1


def over_limit(request, scope):
    """Count one request of ``scope`` from this address; True once past the limit."""
    limit, window = settings.PUBLIC_POST_RATE_LIMITS[scope]
    return count_in_window(f"ratelimit:{scope}:{_address_hash(request)}", window) > limit


def too_many_requests(request, scope):
    _limit, window = settings.PUBLIC_POST_RATE_LIMITS[scope]
    response = TemplateResponse(request, "429.html", {"retry_after": window}, status=429)
    response["Retry-After"] = str(window)
    response["Cache-Control"] = "private, no-store"
    return response


def limit_posts(scope):
    """View decorator: POSTs from one address past the ``scope`` limit get the 429 page."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            if request.method == "POST" and over_limit(request, scope):
                return too_many_requests(request, scope).render()
            return view(request, *args, **kwargs)

        return limited

    return decorator


def pseudonymous_client_ip(request):
    """django-axes' "client address": a salted hash of it, shaped as a private IPv6 address.

    django-axes stores the address it counts failures for in a ``GenericIPAddressField``;
    this keeps the counting per address while storing nothing that identifies the reader.
    """
    unique_local = 0xFD << 120
    return str(IPv6Address(unique_local | int(_address_hash(request)[:30], 16)))
