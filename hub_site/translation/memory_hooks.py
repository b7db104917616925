"""The translation memory in the admin: its page, and a banner in the translation editor."""

from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin import messages

from hub_site.admin_hooks import register_admin_urls
from hub_site.translation import memory, memory_views
from hub_site.translation.editor_hooks import when_translation_editor_opens
from hub_site.translation.numbers_guard import translation_of

register_admin_urls(
    "translation/memory/",
    [path("<int:translation_id>/", memory_views.TranslationMemoryView.as_view(), name="memory")],
    "hub_translation_memory",
)


@when_translation_editor_opens
def offer_memory(request, obj):
    """Say how many segments the memory can fill."""
    translation = translation_of(obj)
    if translation is None:
        return
    # Which segments have a match, not which matches are best: the memory page says that.
    found = memory.find_matches(translation, fuzzy_wanted=1)
    if not found:
        return
    exact = sum(1 for segment_matches in found if segment_matches.exact)
    messages.info(
        request,
        ngettext(
            "%(count)d segment has matches in translation memory (%(exact)d exact).",
            "%(count)d segments have matches in translation memory (%(exact)d exact).",
            len(found),
        )
        % {"count": len(found), "exact": exact},
        buttons=[messages.button(memory_views.memory_url(translation.pk), _("Translation memory"))],
    )
