"""Admin hooks of the changed-segment review (changed_segments.py, sync_views.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages

from hub_site.admin_hooks import register_admin_urls
from hub_site.translation import changed_segments, sync_views
from hub_site.translation.editor_hooks import when_translation_editor_opens
from hub_site.translation.numbers_guard import translation_of

register_admin_urls(
    "translation/changed/<int:translation_id>/",
    [path("", sync_views.ReviewView.as_view(), name="review")],
    "hub_changed_segments",
)


def review_url(translation):
    return reverse("hub_changed_segments:review", args=(translation.pk,))


@when_translation_editor_opens
def announce_changed_segments(request, obj):
    """Tell the translator which segments changed in the original since they were
    translated (3 queries: the default locale, the translation, the count)."""
    translation = translation_of(obj)
    if translation is None:
        return
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
