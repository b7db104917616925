"""Response headers Django's SecurityMiddleware does not set, and CSP chosen by path."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the laxer admin policy under the Wagtail admin.

    Reader pages get ``CONTENT_SECURITY_POLICY`` (no inline script); the Wagtail admin,
    whose templates carry inline scripts and styles, gets ``ADMIN_CONTENT_SECURITY_POLICY``.
    A view's own ``@csp_replace``/``@csp_update`` still applies on top of either.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts = PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


def is_admin_path(path):
    return path.startswith(reverse("wagtailadmin_home"))


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: the site uses no powerful browser feature, so none is allowed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


def reject_nul_in_path(get_response):
    """Answer 400 to a path with a NUL byte: PostgreSQL refuses NUL in text, so routing such a
    path to a page lookup would fail with a server error."""

    def middleware(request):
        if "\x00" in request.path:
            return HttpResponseBadRequest("Bad request: the address contains a NUL byte.")
        return get_response(request)

    return middleware
