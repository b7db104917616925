"""The sponsorship disclosure sentence, generated from the published funders.

Every part of the sentence is a gettext message with named placeholders, so each locale
words it (and joins its lists) in its own grammar; nothing is concatenated in English.
The footer's funder data is cached per site and language and dropped whenever a page,
a sponsorship level, a view restriction or a site changes (see ``home.signals``).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language, gettext, ngettext, pgettext

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from hub_site.public_pages import public

FOOTER_CACHE_KEY = "home:footer:{site_id}:{language}"


def join_names(names):
    """Join names as a list in the active language: "A", "A and B", "A, B, and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return pgettext("list of two", "%(first)s and %(second)s") % {
            "first": names[0],
            "second": names[1],
        }
    separator = pgettext("separator between list items", ", ")
    return pgettext("end of a list of three or more", "%(items)s, and %(last)s") % {
        "items": separator.join(names[:-1]),
        "last": names[-1],
    }


def disclosure_sentence(site_name, funders):
    """The disclosure for these funders, in the active language.

    ``funders`` are FunderPages in disclosure order (sponsors by level rank, then page
    order: ``FunderPage.objects.in_disclosure_order()``); grants may come anywhere.
    """
    funders = list(funders)
    sponsors = [f for f in funders if f.is_sponsor]
    grants = [f for f in funders if not f.is_sponsor]
    values = {
        "site_name": site_name,
        "sponsors": join_names(f.name_in_disclosure for f in sponsors),
        "grants": join_names(f.name_in_disclosure for f in grants),
    }
    if sponsors and grants:
        platform = ngettext(
            "%(site_name)s is an independent medical education platform, sponsored by "
            "%(sponsors)s and supported through an educational grant from %(grants)s.",
            "%(site_name)s is an independent medical education platform, sponsored by "
            "%(sponsors)s and supported through educational grants from %(grants)s.",
            len(grants),
        )
    elif sponsors:
        platform = gettext(
            "%(site_name)s is an independent medical education platform, sponsored by %(sponsors)s."
        )
    elif grants:
        platform = ngettext(
            "%(site_name)s is an independent medical education platform, supported through "
            "an educational grant from %(grants)s.",
            "%(site_name)s is an independent medical education platform, supported through "
            "educational grants from %(grants)s.",
            len(grants),
        )
    else:
        return gettext("%(site_name)s is an independent medical education platform.") % values
    no_influence = gettext("The funders are allowed no direct influence on our content.")
    return f"{platform % values} {no_influence}"


def footer_data(request):
    """The disclosure and footer links for this request's site and language, cached."""
    site = Site.find_for_request(request) if request is not None else None
    language = _content_language()
    key = FOOTER_CACHE_KEY.format(site_id=site.pk if site else 0, language=language)
    data = cache.get(key)
    if data is None:
        data = _build_footer_data(site, language, request)
        cache.set(key, data, timeout=None)
    return data


def _content_language():
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _build_footer_data(site, language, request):
    """Two queries: the funders, and the footer's pages with the home pages they hang from.

    Wagtail serves readers of an untranslated locale (or one whose home page is not live)
    from the site's own tree; the footer names the funders they see there. Both trees are
    asked for at once, and the reader's is picked here.
    """
    from home.models import FunderIndexPage, FunderPage

    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    if site is None:
        return {"disclosure": disclosure_sentence(site_name, []), "links": []}
    default_root = site.root_page
    # The home pages' paths in each language; Wagtail caches them for its URLs.
    localized_path = next(
        (
            root.root_path
            for root in Site.get_site_root_paths()
            if root.site_id == site.pk and root.language_code == language
        ),
        default_root.url_path,
    )
    root_paths = {default_root.url_path, localized_path}
    in_either_tree = Q()
    for path in root_paths:
        in_either_tree |= Q(url_path__startswith=path)
    candidates = list(
        public(
            Page.objects.live()
            .filter(in_either_tree)
            .filter(
                Q(url_path__in=root_paths)
                | Page.objects.type_q(FunderIndexPage)
                | Q(depth=default_root.depth + 1, show_in_menus=True)
            )
        ).order_by("path")
    )
    live_roots = {page.url_path for page in candidates if page.depth == default_root.depth}
    root_path = localized_path if localized_path in live_roots else default_root.url_path

    def in_tree(page):
        return page.url_path.startswith(root_path) and page.url_path != root_path

    pages = [page for page in candidates if in_tree(page)]
    funders_index = next(
        (page for page in pages if issubclass(page.specific_class or Page, FunderIndexPage)), None
    )
    links = [
        (page.title, page.get_url(request))
        for page in pages
        if page.depth == default_root.depth + 1 and page.show_in_menus
    ]
    funders = public(
        FunderPage.objects.live().filter(in_either_tree).select_related("level")
    ).in_disclosure_order()
    return {
        "disclosure": disclosure_sentence(site_name, filter(in_tree, funders)),
        "funders_url": funders_index.get_url(request) if funders_index else None,
        "links": links,
    }


def clear_footer_cache(site_ids=()):
    sites = {*Site.objects.values_list("pk", flat=True), *site_ids, 0}
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    cache.delete_many(
        [FOOTER_CACHE_KEY.format(site_id=s, language=lang) for s in sites for lang in languages]
    )
