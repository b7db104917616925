from django import template
from django.conf import settings

from wagtail.models import Page

from hub_site.languages.versions import VERSIONS_OF, language_versions

register = template.Library()


def _versions(context):
    page = context.get(VERSIONS_OF) or context.get("page")
    if not isinstance(page, Page):
        page = None
    return language_versions(context.get("request"), page)


@register.inclusion_tag("hub_languages/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language it is published in, the current one marked."""
    return {"versions": _versions(context)}


@register.inclusion_tag("hub_languages/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language version, and ``x-default``."""
    versions = _versions(context)
    default = next((v for v in versions if v.language_code == settings.LANGUAGE_CODE), None)
    return {"versions": versions if len(versions) > 1 else [], "default": default}
