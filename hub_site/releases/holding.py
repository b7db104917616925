"""What happens to an approved revision when its page takes part in a release.

Called by the workflow's finish action (hub_site/workflows/actions.py) after the
certificate is issued, in the same transaction. An approved change to an original page
that has translations is held in the page's open release, and the release's translations
are synced from it; an approved translation of a page whose release waits for that
language is held in the release. When the last language of a release is approved, the
release goes live (``publishing``). Anything else publishes as usual.
"""

from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from hub_site.releases.models import Release, ReleaseLanguage
from hub_site.releases.publishing import release_if_ready
from hub_site.translation import sync

HELD = "hub.release.held"
LANGUAGE_APPROVED = "hub.release.language_approved"


def is_original(page):
    return page.locale_id == Locale.get_default().pk


def translation_locale_ids(page):
    """The languages the page is translated into: its enabled wagtail-localize translations
    whose translated page exists."""
    locale_ids = Translation.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id, enabled=True
    ).values_list("target_locale_id", flat=True)
    return set(
        Page.objects.filter(
            translation_key=page.translation_key, locale_id__in=locale_ids
        ).values_list("locale_id", flat=True)
    )


def open_release_of(page):
    return Release.objects.filter(page=page, status=Release.OPEN).first()


def original_of(page):
    return Page.objects.filter(
        translation_key=page.translation_key, locale_id=Locale.get_default().pk
    ).first()


def open_release(page, user=None):
    """The page's open release, opened now if it has none, with a row for each language it
    is translated into (a new language is included, as all are by default)."""
    release = open_release_of(page)
    if release is None:
        release = Release.objects.create(page=page, opened_by=user)
    known = set(release.languages.values_list("locale_id", flat=True))
    ReleaseLanguage.objects.bulk_create(
        ReleaseLanguage(release=release, locale_id=locale_id)
        for locale_id in translation_locale_ids(page) - known
    )
    return release


def scheduled_go_live(revision):
    """The go-live the editor set on the approved revision, if any and still ahead."""
    go_live_at = revision.as_object().go_live_at
    return go_live_at if go_live_at and go_live_at > timezone.now() else None


def hold(obj, revision, user=None):
    """Hold the approved revision in a release if its page takes part in one; True if held."""
    if not isinstance(obj, Page):
        return False
    if is_original(obj):
        return hold_original(obj, revision, user)
    return hold_translation(obj, revision, user)


def hold_original(page, revision, user):
    # Re-certification approves the live revision again: nothing changes for readers.
    if revision.pk == page.live_revision_id:
        return False
    if not translation_locale_ids(page) and open_release_of(page) is None:
        return False
    release = open_release(page, user)
    included = list(release.languages.filter(included=True).select_related("locale"))
    if not included:
        return False
    release.revision = revision
    release.approved_at = timezone.now()
    release.go_live_at = release.go_live_at or scheduled_go_live(revision)
    release.save(update_fields=["revision", "approved_at", "go_live_at"])
    # An approval of an earlier change does not carry over to this one.
    release.languages.update(revision=None, approved_at=None)
    sync.sync_translations(
        revision.as_object(), user=user, locales=[language.locale for language in included]
    )
    log(
        instance=page,
        action=HELD,
        user=user,
        revision=revision,
        data={
            "release_id": release.pk,
            "languages": [language.locale.language_code for language in included],
        },
    )
    return True


def hold_translation(page, revision, user):
    original = original_of(page)
    if original is None:
        return False
    release = Release.objects.filter(
        page=original, status=Release.OPEN, revision__isnull=False
    ).first()
    if release is None:
        return False
    language = release.languages.filter(locale_id=page.locale_id, included=True).first()
    # A translation submitted before the original's change was synced is of the old text:
    # it is not this release's, and goes live on its own as before.
    if language is None or revision.created_at < release.approved_at:
        return False
    language.revision = revision
    language.approved_at = timezone.now()
    language.save(update_fields=["revision", "approved_at"])
    log(
        instance=original,
        action=LANGUAGE_APPROVED,
        user=user,
        data={
            "release_id": release.pk,
            "language": page.locale.language_code,
            "revision_id": revision.pk,
        },
    )
    release_if_ready(release, user)
    return True
