from django import template
from django.conf import settings

from wagtail.models import Page

from hub_site.i18n.versions import language_versions

register = template.Library()

# Context variable a view sets when the page it talks about is not the one it renders (the
# 404 for a missing translation lists that page's published translations).
VERSIONS_OF = "language_versions_of"


def _versions(context):
    page = context.get(VERSIONS_OF) or context.get("page")
    if not isinstance(page, Page):
        page = None
    return language_versions(context.get("request"), page)


@register.inclusion_tag("hub_i18n/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language it is published in, the current one marked."""
    return {"versions": _versions(context)}


@register.inclusion_tag("hub_i18n/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language version, and ``x-default``."""
    versions = _versions(context)
    default = next((v for v in versions if v.language_code == settings.LANGUAGE_CODE), None)
    return {"versions": versions if len(versions) > 1 else [], "default": default}
