"""Withdrawing an original takes its translations with it, and ends its open release.

A translation carries the original's content: when the original is withdrawn for safety,
its translations say the same thing in other languages. And a held change must not bring
a withdrawn page back when its translations are approved later.
"""

from django.utils import timezone

from wagtail.models import Page

from hub_site.releases.holding import is_original, open_release_of
from hub_site.releases.models import Release


def live_translations(page):
    if not is_original(page):
        return Page.objects.none()
    return Page.objects.filter(translation_key=page.translation_key, live=True).exclude(pk=page.pk)


def end_open_release(page, user=None):
    release = open_release_of(page)
    if release is not None:
        release.status = Release.CANCELLED
        release.released_at = timezone.now()
        release.released_by = user
        release.reason = "withdrawn"
        release.save(update_fields=["status", "released_at", "released_by", "reason"])
