"""Admin hooks of the changed-segment review (changed_segments.py, sync_views.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages

from hub_site.translation import changed_segments, sync_views
from hub_site.translation.numbers_guard import translation_of


@hooks.register("register_admin_urls")
def register_changed_segment_urls():
    return [
        path(
            "translation/changed/<int:translation_id>/",
            include(
                ([path("", sync_views.review, name="review")], "hub_changed_segments"),
                namespace="hub_changed_segments",
            ),
        )
    ]


def review_url(translation):
    return reverse("hub_changed_segments:review", args=(translation.pk,))


def announce_changed_segments(request, obj):
    """Tell the translator, as the translation editor opens, which segments changed in the
    original since they were translated (3 queries: the default locale, the
    translation, the count)."""
    if request.method != "GET":
        return None
    translation = translation_of(obj)
    if translation is None:
        return None
    count = changed_segments.waiting(translation).count()
    if count:
        messages.warning(
            request,
            _(
                "%(count)d segment(s) changed in the original since they were translated: "
                "review them."
            )
            % {"count": count},
            buttons=[messages.button(review_url(translation), _("Review changes"))],
        )
    return None


# Before wagtail-localize's own before_edit_page and before_edit_snippet hooks, which render
# its translation editor.
hooks.register("before_edit_page", announce_changed_segments, order=-10)
hooks.register("before_edit_snippet", announce_changed_segments, order=-10)
