"""Translation memory: segments' published translations, offered again for the same text.

A translated page or snippet is published only after its translation review, so recording
at publication keeps approved text only. Texts are compared in the form wagtail-localize
stores them (HTML with inline tags such as ``<a id="a1">``), so a match can be written back
as it is.
"""

import hashlib
import heapq
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import reduce
from math import ceil, floor
from operator import or_

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import override

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.signals import page_published, published
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from hub_site.translation.models import ChangedSegment, TranslationMemoryEntry
from hub_site.translation.numbers_guard import translation_of

DEFAULT_FUZZY_THRESHOLD = 0.75
MAX_FUZZY_MATCHES = 3
# Full comparisons per segment, among the candidates sharing the most trigrams: each costs
# a SequenceMatcher run, and the editor's banner computes them on every opening. The best
# few by ratio are in practice among the best by shared trigrams.
MAX_COMPARED = 8
# Stored in StringTranslation.tool_name, like a machine translator's name: not translated.
TOOL_NAME = "Translation memory"
UNIQUE_PAIR = ["source_locale", "target_locale", "source_hash", "target_hash"]


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fuzzy_threshold():
    threshold = float(
        getattr(settings, "TRANSLATION_MEMORY_FUZZY_THRESHOLD", DEFAULT_FUZZY_THRESHOLD)
    )
    # Zero would make every text a candidate of every other, and divide the window by zero.
    return min(max(threshold, 0.01), 1.0)


# Recording


def origin_of(instance):
    """'Standard page: Sobre nosotros', in the site's language whoever publishes."""
    with override(settings.LANGUAGE_CODE):
        kind = capfirst(instance._meta.verbose_name)
        title = instance.title if isinstance(instance, Page) else str(instance)
    return f"{kind}: {title}"[:255]


def published_pairs(translation, made_before=None):
    """(source text, translated text, translation type) of the translation's segments.

    Only segments its source has today, without a translation error, and not waiting for
    review after their source changed. ``made_before``: the published revision's creation
    time; wagtail-localize makes a revision from the strings as they are then, so a string
    edited since is a draft, not published text.
    """
    in_source = StringSegment.objects.filter(
        source_id=translation.source_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    unreviewed = ChangedSegment.objects.filter(
        translation_id=translation.pk,
        context_id=OuterRef("context_id"),
        string_id=OuterRef("translation_of_id"),
        reviewed_at=None,
    )
    rows = StringTranslation.objects.filter(
        Exists(in_source),
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
        has_error=False,
    ).exclude(Exists(unreviewed))
    if made_before is not None:
        rows = rows.filter(updated_at__lte=made_before)
    return rows.values_list("translation_of__data", "data", "translation_type")


def record(translation, origin, published_at, made_before=None):
    """Upsert the translation's published segments into the memory (2 queries up to 500
    pairs); returns how many distinct pairs were recorded."""
    entries = {}
    for source_text, target_text, translation_type in published_pairs(translation, made_before):
        if not target_text.strip():
            continue
        key = (text_hash(source_text), text_hash(target_text))
        # One row per pair: PostgreSQL refuses an upsert that touches a row twice.
        entries[key] = TranslationMemoryEntry(
            source_locale_id=translation.source.locale_id,
            target_locale_id=translation.target_locale_id,
            source_text=source_text,
            source_hash=key[0],
            source_length=len(source_text),
            target_text=target_text,
            target_hash=key[1],
            translation_type=translation_type,
            origin=origin,
            published_at=published_at,
        )
    if entries:
        TranslationMemoryEntry.objects.bulk_create(
            entries.values(),
            update_conflicts=True,
            unique_fields=UNIQUE_PAIR,
            update_fields=["published_at", "origin", "translation_type"],
            batch_size=500,
        )
    return len(entries)


def record_publication(instance, revision=None):
    translation = translation_of(instance)
    if translation is None:
        return 0
    return record(
        translation,
        origin_of(instance),
        getattr(instance, "last_published_at", None) or timezone.now(),
        made_before=revision.created_at if revision is not None else None,
    )


def record_published_page(sender, instance, revision=None, **kwargs):
    record_publication(instance, revision)


def record_published_snippet(sender, instance, revision=None, **kwargs):
    # Wagtail sends ``published`` for pages as well, after ``page_published``.
    if isinstance(instance, Page) or not isinstance(instance, DraftStateMixin):
        return
    record_publication(instance, revision)


def record_live_translations():
    """Record what every live translated page and snippet published; returns (objects,
    pairs). Idempotent: an entry already there only has its date and origin updated."""
    default_locale_id = Locale.get_default().pk
    live = []
    for translation in (
        Translation.objects.filter(enabled=True)
        .exclude(target_locale_id=default_locale_id)
        .select_related("source")
    ):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if isinstance(target, DraftStateMixin) and target.live:
            live.append((target.last_published_at or timezone.now(), translation, target))
    # Oldest first: the latest publication's origin and date are the ones kept.
    live.sort(key=lambda item: item[0])
    pairs = 0
    for published_at, translation, target in live:
        revision = target.live_revision
        pairs += record(
            translation,
            origin_of(target),
            published_at,
            made_before=revision.created_at if revision is not None else None,
        )
    return len(live), pairs


def connect():
    page_published.connect(record_published_page, dispatch_uid="hub-translation-memory-page")
    published.connect(record_published_snippet, dispatch_uid="hub-translation-memory-snippet")


# Matching


@dataclass
class Match:
    entry: TranslationMemoryEntry
    exact: bool = True
    ratio: float = 1.0

    @property
    def percent(self):
        # Rounded down: a 74.6% match is not shown as reaching a 75% threshold.
        return floor(self.ratio * 100)


@dataclass
class SegmentMatches:
    """A segment waiting for a translation, with what the memory offers for it."""

    segment: StringSegment
    changed: bool
    exact: list = field(default_factory=list)
    fuzzy: list = field(default_factory=list)

    @property
    def source_text(self):
        return self.segment.string.data

    @property
    def best_exact(self):
        return self.exact[0] if self.exact else None

    def find(self, entry_id):
        return next((m for m in [*self.exact, *self.fuzzy] if m.entry.pk == entry_id), None)


def waiting_segments(translation):
    """The source's segments without a usable translation in the target language, or whose
    source changed since and nobody has reviewed yet, in source order (1 query)."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    changed = ChangedSegment.objects.filter(
        translation_id=translation.pk,
        context_id=OuterRef("context_id"),
        string_id=OuterRef("string_id"),
        reviewed_at=None,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(translated=Exists(translated), changed=Exists(changed))
        .filter(Q(translated=False) | Q(changed=True))
        .select_related("string")
        .order_by("order", "pk")
    )


def length_window(length, threshold):
    """The source lengths that may reach the threshold against a text of ``length``.

    SequenceMatcher's ratio is 2·M/(a+b), and M, the characters matched, is at most the
    shorter length: 2·min/(a+b) ≥ t bounds the other length between a·t/(2−t) and
    a·(2−t)/t. Rounded outwards, the exact ratio decides.
    """
    return floor(length * threshold / (2 - threshold)), ceil(length * (2 - threshold) / threshold)


def merged(windows):
    result = []
    for low, high in sorted(windows):
        if result and low <= result[-1][1] + 1:
            result[-1] = (result[-1][0], max(result[-1][1], high))
        else:
            result.append((low, high))
    return result


def trigrams(text):
    return {text[i : i + 3] for i in range(len(text) - 2)}


def trigram_floor(threshold):
    """Candidates sharing fewer trigrams (Dice coefficient) than this are not compared.

    A heuristic, measured on sentences with words substituted, inserted, deleted and
    misspelt: the lowest overlap among pairs reaching 0.75 was 0.33, reaching 0.9 was 0.64,
    reaching 0.6 was 0.16; unrelated sentences overlap by 0.06 on average.
    """
    return max(0.0, 2 * threshold - 1.25)


def candidates(translation, segments, threshold):
    """The memory's entries for this language pair whose source length may match one of
    the segments (1 query)."""
    windows = merged(length_window(len(s.string.data), threshold) for s in segments)
    return TranslationMemoryEntry.objects.filter(
        reduce(or_, (Q(source_length__range=window) for window in windows)),
        source_locale_id=translation.source.locale_id,
        target_locale_id=translation.target_locale_id,
    )


class CandidatePool:
    """One request's candidates, indexed for its segments: by source hash for exact
    matches, by trigram for fuzzy ones. The trigram index makes a segment cost the postings
    of its own trigrams, counted in C, rather than a set comparison with each candidate."""

    def __init__(self, entries, threshold):
        self.threshold = threshold
        self.floor_overlap = trigram_floor(threshold)
        self.entries = sorted(entries, key=lambda entry: entry.source_length)
        self.lengths = [entry.source_length for entry in self.entries]
        self.sizes = []
        self.by_hash = defaultdict(list)
        # Trigram → indexes of the entries holding it, ascending: a length window is a slice.
        self.postings = defaultdict(list)
        for index, entry in enumerate(self.entries):
            self.by_hash[entry.source_hash].append(index)
            grams = trigrams(entry.source_text)
            self.sizes.append(len(grams))
            for gram in grams:
                self.postings[gram].append(index)

    def exact(self, digest):
        """Most recently published first: the one "accept all" uses."""
        found = [Match(self.entries[index]) for index in self.by_hash.get(digest, ())]
        return sorted(found, key=lambda match: match.entry.published_at, reverse=True)

    def most_alike(self, text, digest):
        """Indexes of the other sources in the text's length window that share the most
        trigrams with it, at most MAX_COMPARED."""
        low, high = length_window(len(text), self.threshold)
        start, stop = bisect_left(self.lengths, low), bisect_right(self.lengths, high)
        same = set(self.by_hash.get(digest, ()))
        grams = trigrams(text)
        if not grams:
            # Under three characters: the window holds only the few texts as short.
            return [index for index in range(start, stop) if index not in same][:MAX_COMPARED]
        shared = Counter()
        for gram in grams:
            posting = self.postings.get(gram)
            if posting:
                shared.update(posting[bisect_left(posting, start) : bisect_left(posting, stop)])
        size = len(grams)
        scored = (
            (2 * count / (size + self.sizes[index]), index)
            for index, count in shared.items()
            if index not in same
        )
        return [
            index
            for overlap, index in heapq.nlargest(MAX_COMPARED, scored)
            if overlap >= self.floor_overlap
        ]

    def fuzzy(self, text, digest, wanted=MAX_FUZZY_MATCHES):
        """At most ``wanted`` at or above the threshold, best first (with fewer wanted than
        MAX_FUZZY_MATCHES, the first found rather than the best)."""
        # autojunk off: on texts of 200 characters or more it discards every frequent
        # letter, and the ratio of two near-identical paragraphs drops towards zero.
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(text)
        found = []
        for index in self.most_alike(text, digest):
            entry = self.entries[index]
            matcher.set_seq1(entry.source_text)
            if matcher.quick_ratio() >= self.threshold:
                ratio = matcher.ratio()
                if ratio >= self.threshold:
                    found.append(Match(entry, exact=False, ratio=ratio))
                    if wanted < MAX_FUZZY_MATCHES and len(found) == wanted:
                        break
        found.sort(key=lambda match: (match.ratio, match.entry.published_at), reverse=True)
        return found[:wanted]


def find_matches(translation, fuzzy_wanted=MAX_FUZZY_MATCHES):
    """Each waiting segment the memory has something for, in source order (2 queries).

    ``fuzzy_wanted=1``: whether a segment has a fuzzy match, not its best ones (cheaper).
    """
    segments = list(waiting_segments(translation))
    if not segments:
        return []
    threshold = fuzzy_threshold()
    pool = CandidatePool(candidates(translation, segments, threshold), threshold)
    found = []
    for segment in segments:
        text = segment.string.data
        digest = text_hash(text)
        exact, fuzzy = pool.exact(digest), pool.fuzzy(text, digest, fuzzy_wanted)
        if exact or fuzzy:
            found.append(SegmentMatches(segment, segment.changed, exact, fuzzy))
    return found


# Writing


@transaction.atomic
def fill(translation, chosen, user):
    """Write each (SegmentMatches, Match) as the segment's translation, as wagtail-localize's
    editor writes a translator's text; returns the StringTranslations written.

    A segment whose source changed counts as reviewed: a person chose its new text.
    """
    written = []
    for segment_matches, match in chosen:
        segment = segment_matches.segment
        string_translation, _created = StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context_id=segment.context_id,
            defaults={
                "data": match.entry.target_text,
                # Unedited machine text stays machine text: readers' notice depends on it.
                "translation_type": (
                    StringTranslation.TRANSLATION_TYPE_MACHINE
                    if match.entry.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
                    else StringTranslation.TRANSLATION_TYPE_MANUAL
                ),
                "tool_name": TOOL_NAME,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
        written.append(string_translation)
    changed = [
        Q(context_id=s.segment.context_id, string_id=s.segment.string_id)
        for s, _match in chosen
        if s.changed
    ]
    if changed:
        ChangedSegment.objects.filter(
            reduce(or_, changed), translation_id=translation.pk, reviewed_at=None
        ).update(reviewed_at=timezone.now(), reviewed_by=user)
    return written
