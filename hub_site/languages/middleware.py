"""Django's LocaleMiddleware, without its language-prefix redirect for the admin's 404s."""

from django.middleware import locale
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 under the admin stays a 404.

    Django answers a 404 on a path without a language prefix with a redirect to the same path
    under the prefix when that path resolves. Under our i18n_patterns, Wagtail's catch-all
    resolves every path, so every admin 404 (a missing admin URL, or the admin API refusing a
    page) became a redirect to /en/admin/…, a reader page that is not found either: a script
    waiting for the admin API's JSON got a reader's HTML 404 instead, and a person a page of
    the public site. Only reader pages live under a language prefix.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path.startswith(reverse("wagtailadmin_home")):
            # What Django's middleware does to every response it does not redirect: the
            # language was chosen from the request's headers and cookie, not from its path.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
