"""Per-client-address limits on public POSTs, counted in Django's cache, and the one page
that refuses them.

Each scope of ``settings.PUBLIC_POST_RATE_LIMITS`` (the HCP confirmation, the support
form, survey answers and poll votes) allows at most a number of POSTs per window from one
client address (``over_limit``). A scope may also let one address do a given thing only
once per window (``claim``): a reader who drops their reader cookie would otherwise answer
the same poll again as a new reader. Both are refused with the site's 429 page and
``Retry-After`` (``too_many_requests``).

The address is never stored: cache keys hold a salted HMAC of it (``SECRET_KEY`` is the
salt, so rotating the key rotates every hash), and the salt changes every UTC day, so
yesterday's keys cannot be linked to today's (a window spanning midnight lapses early,
which only lets a few more through). The client address is ``REMOTE_ADDR``: behind a
proxy, the proxy must pass the reader's address there. A benchmark on one machine lifts
the survey and poll limits for loopback clients with ``settings.SURVEY_LIMITS_SKIP_LOOPBACK``
(never on a server).
"""

from functools import wraps
from ipaddress import IPv6Address, ip_address

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac

# Survey answers and poll votes: the scope a benchmark may lift for loopback clients.
SURVEYS_AND_POLLS = "surveys_and_polls"


def _address_hash(request, purpose):
    return salted_hmac(
        f"hub_security.{purpose}", request.META.get("REMOTE_ADDR", ""), algorithm="sha256"
    ).hexdigest()


def address_key(request, day=None):
    """The client address, hashed with a salt of the UTC day (``day``, today by default)."""
    day = day or timezone.now().date()
    return _address_hash(request, f"address.{day.isoformat()}")


def _lifted(request, scope):
    """A benchmark's loopback client answering as many readers, when settings allow it."""
    if scope != SURVEYS_AND_POLLS or not settings.SURVEY_LIMITS_SKIP_LOOPBACK:
        return False
    try:
        return ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


def _count_in_window(key, window):
    """Count one event under ``key`` in a fixed window of ``window`` seconds; the new count."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.set(key, 1, timeout=window)
        return 1


def over_limit(request, scope):
    """Count one request of ``scope`` from this address; True once past the limit."""
    if _lifted(request, scope):
        return False
    limit, window = settings.PUBLIC_POST_RATE_LIMITS[scope]
    return _count_in_window(f"ratelimit:{scope}:{address_key(request)}", window) > limit


def _claim_key(request, scope, target):
    return f"ratelimit:{scope}:claim:{target}:{address_key(request)}"


def claim(request, scope, target):
    """Reserve ``target`` for this address for the scope's window; False if it already was."""
    if _lifted(request, scope):
        return True
    _limit, window = settings.PUBLIC_POST_RATE_LIMITS[scope]
    return cache.add(_claim_key(request, scope, target), 1, timeout=window)


def release(request, scope, target):
    """Give back a claim whose request stored nothing after all."""
    cache.delete(_claim_key(request, scope, target))


def too_many_requests(request, scope, message=None):
    """The 429 page: ``message`` says what was refused (by default, any request)."""
    _limit, window = settings.PUBLIC_POST_RATE_LIMITS[scope]
    response = TemplateResponse(
        request, "429.html", {"retry_after": window, "message": message}, status=429
    )
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
    Its salt stays the same from day to day: a lockout outlives midnight.
    """
    unique_local = 0xFD << 120
    return str(IPv6Address(unique_local | int(_address_hash(request, "address")[:30], 16)))
