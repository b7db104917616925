"""The numbers guard: a translated segment must carry the same figures as its source.

Figures are compared as normalised values, so "0.004" and "0,004", "1,500" and "1.500",
"53%" and "53 %" are the same; a range "1.5–4.8" is its two ends; "p < 0.001" is 0.001.
A segment whose figures differ is flagged until someone other than its translator confirms
the difference, with a reason.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from hub_site.translation.models import NumberCheckConfirmation

TAG = re.compile(r"<[^>]+>")
# Digits in groups joined by a decimal point or comma, or by the spaces French and others
# use between thousands (no-break, narrow no-break and thin spaces).
NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f\u2009]\d+)*")
SEPARATOR = re.compile(r"[.,\u00a0\u202f\u2009]")


def normalise(figure):
    """'1,234.5' → '1234.5'; '0,004' → '0.004'; '1.500' → '1500'; '12' → '12'."""
    groups = SEPARATOR.split(figure)
    separators = SEPARATOR.findall(figure)
    if len(groups) == 1:
        integer, fraction = groups[0], ""
    elif separators[-1] in ".," and (
        len(groups[-1]) != 3 or groups[0] == "0" or len(set(separators)) > 1
    ):
        # A last group that is not three digits, a leading "0,", or mixed separators
        # ("2.345,6") mark the last separator as the decimal one.
        integer, fraction = "".join(groups[:-1]), groups[-1]
    else:
        integer, fraction = "".join(groups), ""
    try:
        value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    except InvalidOperation:
        return figure
    text = format(value.normalize(), "f")
    return text


def extract_numbers(text):
    """The figures in a text (HTML tags ignored), as a multiset of normalised values."""
    return Counter(normalise(figure) for figure in NUMBER.findall(TAG.sub(" ", text or "")))


def numbers_differ(source_text, translated_text):
    return extract_numbers(source_text) != extract_numbers(translated_text)


@dataclass
class TranslatedSegment:
    """A translated segment as the guards read it (the figures here, the glossary in
    glossary.py): its source's text and its translation's, in the source's order."""

    string_translation: StringTranslation
    source_text: str
    translated_text: str
    order: int = 0


def translated_segments(translation, *related):
    """(string translation, source text, order) of each segment of the translation's source
    translated in its target language, ``related`` selected with each string translation
    (2 queries)."""
    segments = StringSegment.objects.filter(source_id=translation.source_id).select_related(
        "string"
    )
    sources = {(s.string_id, s.context_id): (s.string.data, s.order) for s in segments}
    string_translations = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id, context__object_id=translation.source.object_id
    )
    if related:
        string_translations = string_translations.select_related(*related)
    for string_translation in string_translations:
        key = (string_translation.translation_of_id, string_translation.context_id)
        if key in sources:
            yield (string_translation, *sources[key])


@dataclass
class FlaggedSegment(TranslatedSegment):
    """A translated segment whose figures differ from its source's."""

    # Confirmations of this exact text by someone other than its translator.
    confirmations: list = field(default_factory=list)

    @property
    def source_numbers(self):
        return sorted(extract_numbers(self.source_text).elements())

    @property
    def translated_numbers(self):
        return sorted(extract_numbers(self.translated_text).elements())

    @property
    def translator_id(self):
        return self.string_translation.last_translated_by_id


def confirmation_holds(confirmation, string_translation):
    """A confirmation holds for the exact text confirmed, and only when someone other than
    the text's translator gave it: a translator vouching for their own figures is the
    mistake the guard exists to catch. A confirmer whose account is gone cannot be told
    apart from the translator, so their confirmation no longer counts."""
    return (
        confirmation.confirmed_text == string_translation.data
        and confirmation.confirmed_by_id is not None
        and confirmation.confirmed_by_id != string_translation.last_translated_by_id
    )


def segments_with_other_figures(translation):
    """Every translated segment whose figures differ from the source's, in the source's
    order, with the confirmations that hold for it (3 queries)."""
    differing = sorted(
        (
            FlaggedSegment(string_translation, source_text, string_translation.data, order)
            for string_translation, source_text, order in translated_segments(
                translation, "last_translated_by"
            )
            if numbers_differ(source_text, string_translation.data)
        ),
        key=lambda segment: segment.order,
    )
    if not differing:
        return []
    by_string_translation = {segment.string_translation.pk: segment for segment in differing}
    for confirmation in (
        NumberCheckConfirmation.objects.filter(string_translation__in=list(by_string_translation))
        .select_related("confirmed_by")
        .order_by("confirmed_at", "pk")
    ):
        segment = by_string_translation[confirmation.string_translation_id]
        if confirmation_holds(confirmation, segment.string_translation):
            segment.confirmations.append(confirmation)
    return differing


def flagged_segments(translation):
    """Segments whose figures differ from the source's and nobody but their translator has
    confirmed (3 queries)."""
    return [s for s in segments_with_other_figures(translation) if not s.confirmations]


def translation_of(obj):
    """The enabled wagtail-localize translation whose target is this page or snippet, if any."""
    if not isinstance(obj, TranslatableMixin) or obj.locale_id == Locale.get_default().pk:
        return None
    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def flagged_segments_of(obj):
    translation = translation_of(obj)
    return (translation, flagged_segments(translation)) if translation else (None, [])
