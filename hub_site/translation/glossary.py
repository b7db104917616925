"""The glossary guard: a translated segment should carry the agreed translation of each
medical term of its source.

A glossary term of the language pair whose source term occurs in a segment's source text
(whole words, any case, HTML tags ignored) gives a warning when the segment's translation
lacks the approved translation (an inflected form starting with it counts: "trasplantes"
carries "trasplante") or uses a forbidden one (whole words). Human and machine text alike.
A warning is settled for the exact text a reason was given for.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape

from wagtail_localize.models import StringTranslation

from hub_site.translation.models import GlossaryTerm, GlossaryWarningReason
from hub_site.translation.numbers_guard import (
    TranslatedSegment,
    translated_segments,
    translation_of,
)

MISSING = "missing"
FORBIDDEN = "forbidden"

TAG = re.compile(r"<[^>]+>")


def plain_text(text):
    """The words a reader sees: tags out, entities ("&amp;") as their characters."""
    return unescape(TAG.sub(" ", text or ""))


def term_pattern(term, *, inflected=False):
    """A term as whole words in any case, any run of spaces between its words; with
    ``inflected``, its last word may go on ("trasplante" matches "trasplantes")."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    end = "" if inflected else r"(?!\w)"
    return re.compile(rf"(?<!\w){words}{end}", re.IGNORECASE)


def forbidden_list(term):
    return [line.strip() for line in term.forbidden_translations.splitlines() if line.strip()]


class TermMatcher:
    """A glossary term's patterns, compiled once for every segment of a translation."""

    def __init__(self, term):
        self.term = term
        self.source = term_pattern(term.source_term)
        self.approved = term_pattern(term.approved_translation, inflected=True)
        self.forbidden = [(text, term_pattern(text)) for text in forbidden_list(term)]

    def kind(self, source_text, translated_text):
        """MISSING, FORBIDDEN or None for one segment, its texts already plain."""
        if not self.source.search(source_text):
            return None
        # A forbidden word is the more telling of the two: it says what to replace.
        if any(pattern.search(translated_text) for _text, pattern in self.forbidden):
            return FORBIDDEN
        if not self.approved.search(translated_text):
            return MISSING
        return None


@dataclass(kw_only=True)
class GlossaryWarning(TranslatedSegment):
    """One glossary term that a translated segment departs from."""

    term: GlossaryTerm
    kind: str
    # Reasons given for this exact text, newest first.
    reasons: list = field(default_factory=list)

    @property
    def has_reason(self):
        return bool(self.reasons)

    @property
    def is_machine(self):
        return (
            self.string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        )

    @property
    def forbidden_translations(self):
        return forbidden_list(self.term)

    @cached_property
    def source_parts(self):
        """The plain source text as (text, is_the_term) pieces, for highlighting."""
        text = plain_text(self.source_text)
        parts, start = [], 0
        for match in term_pattern(self.term.source_term).finditer(text):
            parts += [(text[start : match.start()], False), (match.group(0), True)]
            start = match.end()
        parts.append((text[start:], False))
        return [part for part in parts if part[0]]

    @property
    def plain_translation(self):
        return plain_text(self.translated_text)


def reason_holds(reason, string_translation):
    return reason.checked_text == string_translation.data


def glossary_warnings(translation):
    """Every glossary warning of this translation's segments, in the source's order, with
    the reasons that hold for each: 4 queries whatever the number of segments, 1 when the
    language pair has no glossary (with ``translation.source`` loaded, as ``translation_of``
    loads it)."""
    source = translation.source
    terms = list(
        GlossaryTerm.objects.filter(
            source_locale_id=source.locale_id, target_locale_id=translation.target_locale_id
        ).order_by("source_term", "pk")
    )
    if not terms:
        return []
    # A blank term, saved other than through its form, would match everywhere.
    matchers = [
        TermMatcher(term)
        for term in terms
        if term.source_term.strip() and term.approved_translation.strip()
    ]
    warnings = []
    for string_translation, source_text, order in translated_segments(translation):
        plain_source, plain_translation = (
            plain_text(source_text),
            plain_text(string_translation.data),
        )
        for matcher in matchers:
            kind = matcher.kind(plain_source, plain_translation)
            if kind:
                warnings.append(
                    GlossaryWarning(
                        string_translation,
                        source_text,
                        string_translation.data,
                        order,
                        term=matcher.term,
                        kind=kind,
                    )
                )
    if not warnings:
        return []
    warnings.sort(key=lambda warning: (warning.order, warning.term.source_term.lower()))
    by_pair = {(w.string_translation.pk, w.term.pk): w for w in warnings}
    # By the translation's own rows rather than a list of ids: a long page's ids would
    # outgrow the database's limit on query parameters.
    for reason in GlossaryWarningReason.objects.filter(
        string_translation__locale_id=translation.target_locale_id,
        string_translation__context__object_id=source.object_id,
        term__source_locale_id=source.locale_id,
        term__target_locale_id=translation.target_locale_id,
    ).select_related("given_by"):
        warning = by_pair.get((reason.string_translation_id, reason.term_id))
        if warning is not None and reason_holds(reason, warning.string_translation):
            warning.reasons.append(reason)
    return warnings


def unexplained(warnings):
    """The warnings nobody has given a reason for yet."""
    return [warning for warning in warnings if not warning.has_reason]


def glossary_warnings_of(obj):
    """The translation whose target is this page or snippet, and its warnings."""
    translation = translation_of(obj)
    return (translation, glossary_warnings(translation)) if translation else (None, [])


def connect():
    """Nothing to connect: warnings are worked out from the current text each time, so an
    edited term or segment needs no receiver to take effect."""
