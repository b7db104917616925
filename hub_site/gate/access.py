"""What the gate lets through without a confirmation, and who counts as confirmed."""

from django.conf import settings
from django.urls import Resolver404, resolve, reverse

from wagtail.models import Page

from hub_site.gate.cookies import has_valid_confirmation

# Views anyone may reach (their names as ``reverse`` knows them). Wagtail's page view is
# not here: pages are open one by one, when an editor marks them "open to the public".
OPEN_VIEW_NAMES = frozenset(
    {
        "healthz",
        "robots_txt",
        "security_txt",
        "set_language",
        "hcp_gate:confirm",
        "hcp_gate:withdraw",
    }
)
WAGTAIL_PAGE_VIEW_NAME = "wagtail_serve"
# Wagtail stores document files here (``wagtail.documents.models.get_upload_to``); they are
# served, gated, by Wagtail's document view and never straight from MEDIA_URL.
DOCUMENTS_MEDIA_DIR = "documents/"


def _is_open_file_or_admin(path):
    if path.startswith(settings.STATIC_URL):
        return True
    if path.startswith(settings.MEDIA_URL):
        return not path.startswith(settings.MEDIA_URL + DOCUMENTS_MEDIA_DIR)
    # The CMS, its login page and its previews: editors sign in there.
    return path.startswith(reverse("wagtailadmin_home"))


def gated_view(request):
    """The URL match of a gated view, or ``None`` when the gate does not apply.

    Decided from the path alone, without the database. Paths that resolve to no view are
    let through: they end in a 404, or in the language-prefix or trailing-slash redirect,
    whose target then meets the gate itself.
    """
    if _is_open_file_or_admin(request.path):
        return None
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return None if match.view_name in OPEN_VIEW_NAMES else match


def is_open_page_or_missing(request, match):
    """Whether Wagtail would serve a page "open to the public" here, or no page at all.

    Routes the path the way Wagtail's page view does; Wagtail caches the result on the
    request, so the view reuses it and the check costs no extra queries when it is served.
    """
    if match.view_name != WAGTAIL_PAGE_VIEW_NAME:
        return False
    route = Page.route_for_request(request, match.args[0] if match.args else "")
    if route is None:
        return True  # Wagtail answers 404: there is nothing to protect
    page = route[0]
    return bool(getattr(page, "open_to_public", False))


def is_cms_user(user):
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def is_confirmed(request):
    """A valid confirmation cookie, or a signed-in CMS user. Cached on the request."""
    if not hasattr(request, "hub_hcp_confirmed"):
        request.hub_hcp_confirmed = has_valid_confirmation(request) or is_cms_user(
            getattr(request, "user", None)
        )
    return request.hub_hcp_confirmed
