"""The language versions of what a reader is looking at, for the switcher and hreflang links.

A Wagtail page has a version in each locale where a translation of it is published (aliases
are copies of another language's page, not translations). Any other view (search, the HCP
gate, a 404) exists in every language: its versions are the same URL under each language
prefix.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import QueryDict
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from wagtail.models import Page, Site

from hub_site.gate.redirects import safe_return_url

# A query parameter holding a return URL on this site (the HCP gate's); switching language
# switches it too, so the reader lands on the page in the language they chose.
RETURN_URL_PARAMETER = "next"
# Context variable a view sets when the page it talks about is not the one it renders (the
# 404 for a missing translation lists that page's published translations).
VERSIONS_OF = "language_versions_of"


@dataclass(frozen=True)
class LanguageVersion:
    language_code: str
    url: str
    absolute_url: str
    is_current: bool

    @property
    def name_local(self):
        return translation.get_language_info(self.language_code)["name_local"]


def published_translations(page):
    """The live translations of ``page`` (itself included), in the configured language order.

    One query.
    """
    translations = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .live()
        .select_related("locale")
    )
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    return sorted(
        (page for page in translations if page.locale.language_code in order),
        key=lambda page: order[page.locale.language_code],
    )


def page_versions(request, page):
    current = translation.get_language()
    versions = []
    for version in published_translations(page):
        url = version.get_url(request)
        if url is None:
            continue
        code = version.locale.language_code
        versions.append(
            LanguageVersion(
                language_code=code,
                url=url,
                absolute_url=request.build_absolute_uri(url),
                is_current=code == current and version.pk == page.pk,
            )
        )
    return versions


def page_for_path(request, path):
    """The live page Wagtail serves at ``path`` (a language-prefixed path), or ``None``."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if match.view_name != "wagtail_serve":
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = _language_of(path)
    with translation.override(language):
        root = site.root_page.localized.specific
    components = [component for component in match.args[0].split("/") if component]
    try:
        return root.route(request, components).page
    except Exception:  # noqa: BLE001 - any page's route() may refuse a path (Http404 and others)
        return None


def _language_of(path):
    prefix = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return prefix if prefix in codes else settings.LANGUAGE_CODE


def _translated_return_url(request, value, language_code):
    """``value`` (a path on this site) as it reads in ``language_code``, or ``None``."""
    page = page_for_path(request, value)
    if page is None:
        return translate_url(value, language_code)
    for version in published_translations(page):
        if version.locale.language_code == language_code:
            return version.get_url(request)
    return None


def view_versions(request):
    """The current (non-page) view under each language prefix."""
    current = translation.get_language()
    query = request.GET.copy()
    return_url = safe_return_url(query.pop(RETURN_URL_PARAMETER, [""])[-1], request)
    versions = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if url == request.path and code != current:
            continue  # not a language-prefixed view
        version_query = query
        if return_url:
            translated = _translated_return_url(request, return_url, code)
            if translated is None:
                continue  # the page the reader is on their way to is not in this language
            version_query = QueryDict(mutable=True)
            version_query.update(query)
            version_query[RETURN_URL_PARAMETER] = translated
        full_url = url
        if version_query:
            full_url = urlunsplit(("", "", url, version_query.urlencode(safe="/"), ""))
        versions.append(
            LanguageVersion(
                language_code=code,
                url=full_url,
                absolute_url=request.build_absolute_uri(full_url),
                is_current=code == current,
            )
        )
    return versions


def language_versions(request, page=None):
    """What the switcher lists: the page's published translations, or the view's languages.

    Computed once per request: the switcher and the hreflang links share it.
    """
    if request is None:
        return []
    cached = getattr(request, "hub_language_versions", None)
    if cached is not None:
        return cached
    versions = page_versions(request, page) if page is not None else view_versions(request)
    request.hub_language_versions = versions
    return versions
