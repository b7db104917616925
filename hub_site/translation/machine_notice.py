"""Whether a published translation still shows machine-translated text, and what to say."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language

from wagtail_localize.models import StringSegment, StringTranslation

from hub_site.shown import shown_list
from hub_site.translation.models import (
    MachineTranslationNotice,
    RevisionMachineText,
    default_notice_text,
)

# The decision belongs to a published revision, so it may be kept as long as that revision.
CACHE_SECONDS = 24 * 60 * 60


def machine_strings(locale_id, translation_key):
    """The machine-made strings of this object in this locale that nobody has edited.

    wagtail-localize marks a string "machine" when the translator's button filled it and
    "manual" once a translator saves their own text over it.
    """
    return StringTranslation.objects.filter(
        locale_id=locale_id,
        context__object_id=translation_key,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )


def record_machine_text(revision, locale_id, translation_key):
    """Keep, with the revision, whether the strings it is made of hold machine text now.

    Only strings of the segments the original has today count: a string translated for an
    older version of the original is not in the revision. A revision already judged keeps
    its record.
    """
    in_revision = StringSegment.objects.filter(
        source__object_id=translation_key,
        source__translations__target_locale_id=locale_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    RevisionMachineText.objects.get_or_create(
        revision=revision,
        # A callable: evaluated only when there is no record yet.
        defaults={
            "has_machine_text": lambda: (
                machine_strings(locale_id, translation_key).filter(Exists(in_revision)).exists()
            )
        },
    )


def has_unedited_machine_text(page):
    """True when the page's live revision holds machine-made text nobody has edited.

    Decided by the published revision, recorded when it was made: a translator's draft
    changes nothing for readers until it is published. A page published before revisions
    were recorded is judged by its strings as they are now. One query (two for such an
    older page), cached per live revision and locale (a new publication makes a new key).
    """
    if not getattr(page, "live", False) or page.live_revision_id is None:
        return False
    # Pages are written in the default language and translated from it: a page read in
    # that language is an original, and costs no query.
    if get_language() == settings.LANGUAGE_CODE:
        return False
    key = f"hub_translation:machine-text:{page.pk}:{page.live_revision_id}:{page.locale_id}"
    found = cache.get(key)
    if found is None:
        found = (
            RevisionMachineText.objects.filter(revision_id=page.live_revision_id)
            .values_list("has_machine_text", flat=True)
            .first()
        )
        if found is None:
            found = machine_strings(page.locale_id, page.translation_key).exists()
        cache.set(key, found, CACHE_SECONDS)
    return found


def notice_text(locale_id):
    """The live notice in this locale, else the default language's, else the built-in text."""
    # Whichever notice is live: publishing one in this locale replaces the fallback.
    shown_list(MachineTranslationNotice)
    notices = {
        notice.locale_id: notice
        for notice in MachineTranslationNotice.objects.filter(live=True).filter(
            Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
        )
    }
    if locale_id in notices:
        return notices[locale_id].text
    if notices:
        return next(iter(notices.values())).text
    return default_notice_text()
