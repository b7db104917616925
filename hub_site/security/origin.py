"""Cross-site POST protection without a token: the browser says where a POST comes from.

Forms on pages that the edge and the app cache share between readers cannot carry a
per-reader CSRF token (it would be baked into the cached copy, and setting its cookie
would make the page uncacheable). Their POSTs are checked instead with the headers every
current browser sends and a page on another site cannot forge:

- ``Sec-Fetch-Site``, when sent, must be ``same-origin``;
- ``Origin``, when sent, must be this site's origin (scheme, host and port, the scheme as
  ``SECURE_PROXY_SSL_HEADER`` reports it behind a proxy) or one of
  ``CSRF_TRUSTED_ORIGINS``; ``null`` (sandboxed frames, privacy redirects) is refused;
- without ``Origin``, the ``Referer`` must be on this site's origin.

Anything else is refused. The pages whose POSTs are checked this way are listed in
``ORIGIN_CHECKED_PAGE_TYPES``, the views are decorated with ``origin_checked``; every other
POST keeps Django's token check (docs/deploy.md, "Forms on cached pages").
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.template.response import TemplateResponse

from wagtail.models import Page

from hub_site.gate.access import WAGTAIL_PAGE_VIEW_NAME


def own_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def _origin_of(url):
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def cross_site_reason(request):
    """Why this POST does not come from one of this site's pages, or None when it does."""
    allowed = {own_origin(request).lower(), *(o.lower() for o in settings.CSRF_TRUSTED_ORIGINS)}
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return f"Sec-Fetch-Site is {fetch_site!r}"
    origin = request.headers.get("Origin")
    if origin is not None:
        return None if origin.lower() in allowed else f"Origin {origin!r} is not this site"
    referer = request.headers.get("Referer")
    if referer is None:
        return "neither Origin nor Referer was sent"
    if _origin_of(referer) not in allowed:
        return "Referer is not on this site"
    return None


def cross_site_refusal(request):
    """403 with a page that tells the reader what to do; nothing was stored."""
    return TemplateResponse(request, "hub_security/cross_site_post.html", status=403)


def origin_checked(view):
    """Mark a view whose POSTs are checked by origin instead of Django's CSRF token."""
    view.origin_checked = True
    return view


def origin_checked_page_types():
    return tuple(apps.get_model(label) for label in settings.ORIGIN_CHECKED_PAGE_TYPES)


class OriginCheckedPagePostsMiddleware:
    """Check POSTs to survey and poll pages by origin instead of Django's CSRF token.

    Goes just above ``CsrfViewMiddleware``: its ``process_view`` runs first and, for a POST
    to one of ``ORIGIN_CHECKED_PAGE_TYPES`` or an ``origin_checked`` view, either refuses
    it (403) or marks it checked (``csrf_processing_done``, the flag Django's own
    middleware sets on an accepted request), so the token is not asked for. Django's test
    client switch ``enforce_csrf_checks`` covers this check too, as it covers Django's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        if not getattr(view_func, "origin_checked", False):
            match = request.resolver_match
            if match is None or match.view_name != WAGTAIL_PAGE_VIEW_NAME:
                return None
            # Wagtail keeps the route on the request: serving the page reuses it.
            route = Page.route_for_request(request, view_args[0] if view_args else "")
            if route is None or not isinstance(route[0], origin_checked_page_types()):
                return None
        # Django's test client relaxes CSRF checks with this flag on the request (Django's
        # "Testing and CSRF protection" docs describe it, and CsrfViewMiddleware reads it),
        # under no public name: the same switch covers this check as Django's.
        if not getattr(request, "_dont_enforce_csrf_checks", False):  # noqa: HUB001 - see above
            reason = cross_site_reason(request)
            if reason is not None:
                request.cross_site_reason = reason
                return cross_site_refusal(request)
        request.csrf_processing_done = True
        return None
