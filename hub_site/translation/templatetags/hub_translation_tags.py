from django import template
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Locale, Page

from hub_site.translation.machine_notice import has_unedited_machine_text, notice_text
from hub_site.translation.reader_machine_translation import (
    current_reader_translation,
    machine_translation_url,
    menu_languages,
)

register = template.Library()


@register.inclusion_tag("hub_translation/machine_translation_notice.html", takes_context=True)
def machine_translation_notice(context, page):
    """The machine-translation notice at the top of a page.

    On a reader's machine translation: the disclaimer (or, when the service failed, a note
    that the original is shown). On a published translation holding machine text: the same
    disclaimer.
    """
    reader_translation = current_reader_translation(context.get("request"))
    if reader_translation is not None:
        if reader_translation.failed:
            return {"unavailable": True}
        return {
            "text": notice_text(Locale.get_active().pk),
            "original_url": page.get_url(context.get("request")) if page else None,
            "source_language_name": translation.get_language_info(
                reader_translation.source_language
            )["name_local"],
        }
    if page is None or not has_unedited_machine_text(page):
        return {"text": None}
    return {"text": notice_text(page.locale_id)}


@register.simple_tag(takes_context=True)
def machine_translation_robots(context):
    """``noindex`` for a reader's machine translation: it is never to be found by search."""
    if current_reader_translation(context.get("request")) is None:
        return ""
    return format_html('<meta name="robots" content="{}">', "noindex")


@register.inclusion_tag("hub_translation/translate_menu.html", takes_context=True)
def translate_menu(context, page):
    """The "Translate" menu: machine translations of this page the reader may ask for."""
    request = context.get("request")
    if request is None or not isinstance(page, Page):
        return {"choices": []}
    current = current_reader_translation(request)
    return {
        "choices": [
            {
                "language_code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": machine_translation_url(page, code),
                "is_current": current is not None and current.language == code,
            }
            for code in menu_languages(request, page)
        ]
    }
