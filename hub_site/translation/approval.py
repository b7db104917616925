"""What a translation's approval and certificate need to know about its text.

For any translatable page or snippet whose locale is not the default one. An object that
is not the target of an enabled wagtail-localize translation (an original, or a copy
edited on its own) has no translation text to judge: every answer is empty.
"""

from django.utils.translation import gettext, ngettext

from wagtail_localize.models import SegmentOverride, StringTranslation

from hub_site.translation.glossary import glossary_warnings, unexplained
from hub_site.translation.numbers_guard import (
    flagged_segments,
    segments_with_other_figures,
    translation_of,
)

# How many unconfirmed segments a message quotes; the numbers check lists them all.
QUOTED_SEGMENTS = 3


def untranslated_message(total, translated):
    missing = total - translated
    return ngettext(
        "%(missing)d of %(total)d text segments is not translated yet.",
        "%(missing)d of %(total)d text segments are not translated yet.",
        missing,
    ) % {"missing": missing, "total": total}


def unconfirmed_figures_message(flagged):
    quoted = "; ".join(
        f"“{segment.source_text}” → “{segment.translated_text}”"
        for segment in flagged[:QUOTED_SEGMENTS]
    )
    if len(flagged) > QUOTED_SEGMENTS:
        quoted = gettext("%(segments)s and %(count)d more") % {
            "segments": quoted,
            "count": len(flagged) - QUOTED_SEGMENTS,
        }
    return ngettext(
        "The figures in %(count)d segment differ from the original and nobody other than "
        "its translator has confirmed them: %(segments)s.",
        "The figures in %(count)d segments differ from the original and nobody other than "
        "their translators has confirmed them: %(segments)s.",
        len(flagged),
    ) % {"count": len(flagged), "segments": quoted}


def unexplained_glossary_message(count):
    return ngettext(
        "%(count)d glossary warning has no reason yet.",
        "%(count)d glossary warnings have no reason yet.",
        count,
    ) % {"count": count}


def translation_blockers(obj):
    """Why this translation cannot be approved or published yet, in the active language.

    Untranslated segments (wagtail-localize would publish the original's text in their
    place), segments whose figures differ from the original's with no confirmation from
    someone other than their translator (the numbers guard), and departures from the
    glossary with no reason given (the glossary guard).
    """
    translation = translation_of(obj)
    if translation is None:
        return []
    blockers = []
    total, translated = translation.get_progress()
    if translated < total:
        blockers.append(untranslated_message(total, translated))
    flagged = flagged_segments(translation)
    if flagged:
        blockers.append(unconfirmed_figures_message(flagged))
    glossary = unexplained(glossary_warnings(translation))
    if glossary:
        blockers.append(unexplained_glossary_message(len(glossary)))
    return blockers


def translators_since(obj, since):
    """Ids of the users who wrote or edited this translation's strings, or replaced one of
    its images or other overridable values, after ``since`` (a datetime; None: ever).

    wagtail-localize keeps one row per string and locale, with its last translator: an
    earlier translator whose text was overwritten since is not counted.
    """
    translation = translation_of(obj)
    if translation is None:
        return set()
    edits = {
        "locale_id": translation.target_locale_id,
        "context__object_id": translation.source.object_id,
        "last_translated_by__isnull": False,
    }
    if since is not None:
        edits["updated_at__gt"] = since
    return set(
        StringTranslation.objects.filter(**edits).values_list("last_translated_by_id", flat=True)
    ) | set(SegmentOverride.objects.filter(**edits).values_list("last_translated_by_id", flat=True))


def number_confirmations(obj):
    """The numbers guard's confirmations that hold for this translation's current text.

    JSON-serialisable, for a certificate: one dict per confirmation, in the original's
    order of segments, then oldest first.
    """
    translation = translation_of(obj)
    if translation is None:
        return []
    return [
        {
            "source_text": segment.source_text,
            "translated_text": segment.translated_text,
            "confirmed_by": confirmation.confirmed_by.get_username(),
            "confirmed_by_id": confirmation.confirmed_by_id,
            "reason": confirmation.reason,
            "confirmed_at": confirmation.confirmed_at.isoformat(),
        }
        for segment in segments_with_other_figures(translation)
        for confirmation in segment.confirmations
    ]
