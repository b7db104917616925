"""The languages the site works in: those with a page tree.

A locale comes into use when a site's root page (the home page) is translated into it.
Every locale of ``CONTENT_LANGUAGES`` exists from the first ``migrate`` on, so the rest,
such as German before anyone translates into it, would otherwise be listed everywhere as
work to do. Translators have no language of their own (one "Translators" group edits every
translated tree: hub_site/workflows/roles.py), so the trees are the only record of which
languages are worked in.
"""

from wagtail.models import Locale, Page, Site


def _site_root_keys():
    return Site.objects.values("root_page__translation_key")


def languages_in_use():
    """The locales with a page tree, the default one included, as one query."""
    roots = Page.objects.filter(translation_key__in=_site_root_keys())
    return Locale.objects.filter(pk__in=roots.values("locale_id")).order_by("language_code")


def starts_a_page_tree(page):
    """Whether translating ``page`` gives its new language a page tree: it is a site's root
    page, or a translation of one."""
    return _site_root_keys().filter(root_page__translation_key=page.translation_key).exists()
