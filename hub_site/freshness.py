"""Until when a rendered page stays true when nothing is edited: a poll opens or closes.

Publishing, scheduled or not, retires cached copies through signals; the passing of time
does not send any. Code that renders something that changes at a known moment notes that
moment on the request (``changes_at``), and both caches keep the page no longer than that
(``seconds_fresh``). Like ``hub_site.shown``, it lives outside the caching layer: content
apps note, the caching layer reads.
"""

from django.utils import timezone

# The request attribute the soonest moment is kept under.
ATTRIBUTE = "hub_fresh_until"


def changes_at(request, moment):
    """Note that what is being rendered for ``request`` changes at ``moment`` (if future)."""
    if moment is None or moment <= timezone.now():
        return
    noted = getattr(request, ATTRIBUTE, None)
    if noted is None or moment < noted:
        setattr(request, ATTRIBUTE, moment)


def fresh_until(request):
    return getattr(request, ATTRIBUTE, None)


def seconds_fresh(request, default):
    """``default`` seconds, or fewer if something on the page changes sooner (at least 0)."""
    until = fresh_until(request)
    if until is None:
        return default
    return max(0, min(default, int((until - timezone.now()).total_seconds())))
