"""Which segments of a translation fail the numbers guard."""

from dataclasses import dataclass

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from hub_site.translation.models import NumberCheckConfirmation
from hub_site.translation.numbers import extract_numbers, numbers_differ


@dataclass
class FlaggedSegment:
    string_translation: StringTranslation
    source_text: str
    translated_text: str

    @property
    def source_numbers(self):
        return sorted(extract_numbers(self.source_text).elements())

    @property
    def translated_numbers(self):
        return sorted(extract_numbers(self.translated_text).elements())


def flagged_segments(translation):
    """Segments whose figures differ from the source's and nobody has confirmed (3 queries)."""
    segments = StringSegment.objects.filter(source_id=translation.source_id).select_related(
        "string"
    )
    source_texts = {(s.string_id, s.context_id): s.string.data for s in segments}
    translated = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
    )
    flagged = [
        FlaggedSegment(st, source_texts[key], st.data)
        for st in translated
        if (key := (st.translation_of_id, st.context_id)) in source_texts
        and numbers_differ(source_texts[key], st.data)
    ]
    if not flagged:
        return []
    confirmed = set(
        NumberCheckConfirmation.objects.filter(
            string_translation__in=[f.string_translation for f in flagged]
        ).values_list("string_translation_id", "confirmed_text")
    )
    return [f for f in flagged if (f.string_translation.pk, f.translated_text) not in confirmed]


def translation_of_page(page):
    """The enabled wagtail-localize translation whose target is this page, if any."""
    if page.locale_id == Locale.get_default().pk:
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def flagged_segments_of_page(page):
    translation = translation_of_page(page)
    return (translation, flagged_segments(translation)) if translation else (None, [])
