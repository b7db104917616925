from django import template

from hub_site.translation.disclosure import has_unedited_machine_text, notice_text

register = template.Library()


@register.inclusion_tag("hub_translation/machine_translation_notice.html")
def machine_translation_notice(page):
    """The machine-translation notice for a page whose translation holds machine text."""
    if page is None or not has_unedited_machine_text(page):
        return {"text": None}
    return {"text": notice_text(page.locale_id)}
