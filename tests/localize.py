"""Translations stored as wagtail-localize's editor stores a translator's work."""

from wagtail_localize.models import StringSegment, StringTranslation


def translate_segments(source, locale, text_of):
    """A translator's text for every string segment of ``source``: ``text_of(segment)``."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=text_of(segment),
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
