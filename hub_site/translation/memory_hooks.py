"""The translation memory in the admin: its page, and a banner in the translation editor."""

from django.urls import include, path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin import messages

from hub_site.translation import memory, memory_views
from hub_site.translation.numbers_guard import translation_of


@hooks.register("register_admin_urls")
def register_memory_urls():
    return [
        path(
            "translation/memory/",
            include(
                (
                    [
                        path(
                            "<int:translation_id>/",
                            memory_views.translation_memory,
                            name="memory",
                        )
                    ],
                    "hub_translation_memory",
                ),
                namespace="hub_translation_memory",
            ),
        )
    ]


def offer_memory(request, obj):
    """Say, as the translation editor opens, how many segments the memory can fill."""
    if request.method != "GET":
        return None
    translation = translation_of(obj)
    if translation is None:
        return None
    # Which segments have a match, not which matches are best: the memory page says that.
    found = memory.find_matches(translation, fuzzy_wanted=1)
    if not found:
        return None
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
    return None


# Before wagtail-localize's own before_edit_page and before_edit_snippet hooks, which answer
# with its translation editor: a message added later would not be shown.
hooks.register("before_edit_page", offer_memory, order=-10)
hooks.register("before_edit_snippet", offer_memory, order=-10)
