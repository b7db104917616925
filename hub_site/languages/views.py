from django.conf import settings
from django.http import HttpResponseNotFound
from django.template import loader
from django.utils import translation

from wagtail.models import Page, Site

from hub_site.languages.versions import VERSIONS_OF, page_for_path, published_translations


def _page_named_by(request):
    """The page a missing URL names in another language, found by its path or its slug.

    ``/es/articles/<slug>/`` names the article at ``/en/articles/<slug>/`` (wagtail-localize
    keeps slugs unless a translator changes them); failing that, the one page with that slug.
    """
    language = translation.get_language()
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        prefix = f"/{language}/"
        if request.path.startswith(prefix):
            page = page_for_path(request, f"/{code}/{request.path[len(prefix) :]}")
            if page is not None:
                return page
    slug = request.path.rstrip("/").rsplit("/", 1)[-1]
    if not slug:
        return None
    site = Site.find_for_request(request)
    candidates = Page.objects.live().filter(slug=slug, alias_of__isnull=True)
    if site is not None:
        roots = site.root_page.get_translations(inclusive=True)
        candidates = candidates.filter(path__regex=_descendant_of_any(roots))
    keys = set(candidates.values_list("translation_key", flat=True)[:2])
    if len(keys) != 1:
        return None
    return candidates.first()


def _descendant_of_any(roots):
    return "^(" + "|".join(root.path for root in roots) + ")"


def page_not_found(request, exception=None):
    """The site's 404, listing the published language versions of the page the URL names."""
    page = _page_named_by(request)
    versions_of = page.specific if page is not None else None
    context = {
        VERSIONS_OF: versions_of,
        "other_versions": published_translations(page) if page is not None else [],
        "request_path": request.path,
    }
    body = loader.render_to_string("404.html", context, request)
    return HttpResponseNotFound(body)
