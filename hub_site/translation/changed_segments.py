"""The record of segments whose source changed at a sync, kept until a person reviews them.

wagtail-localize keys a segment's translation on its source text: when the original's text
of a segment changes, the segment points at a new string that has no translation. A
``ChangedSegment`` row, one per translation, context and new string, keeps the source and
the translation as they were, so the translator sees what changed. The row is reviewed when
a person saves a translation of the segment after the change, or keeps the one it has.

Every paragraph of a rich text field or block shares its field's translation context, so
within a context the old and new segments are matched in order, as a diff would.
"""

import difflib
from collections import defaultdict

from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail_localize.models import StringSegment, StringTranslation

from hub_site.translation.models import ChangedSegment

SAVED_FIELDS = [
    "string",
    "previous_source",
    "previous_translation",
    "machine_prefill",
    "changed_at",
    "reviewed_at",
    "reviewed_by",
]


def segments_of(translation_key, locale_id):
    """{context id: [(string id, text), …] in the source's order} (one query)."""
    strings = defaultdict(list)
    for context_id, string_id, data in (
        StringSegment.objects.filter(source__object_id=translation_key, source__locale_id=locale_id)
        .order_by("order")
        .values_list("context_id", "string_id", "string__data")
    ):
        strings[context_id].append((string_id, data))
    return strings


def changed_pairs(before, after):
    """(old, new) pairs of the segments whose text changed in a context, matched in order:
    the rest of the context's segments are unchanged, added or removed."""
    matcher = difflib.SequenceMatcher(
        None, [s for s, _ in before], [s for s, _ in after], autojunk=False
    )
    return [
        pair
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag == "replace"
        for pair in zip(before[i1:i2], after[j1:j2], strict=False)
    ]


def in_source(source_id):
    return Exists(
        StringSegment.objects.filter(
            source_id=source_id, context_id=OuterRef("context_id"), string_id=OuterRef("string_id")
        )
    )


def waiting(translation):
    """The translation's changed segments waiting for review that its source still has."""
    return ChangedSegment.objects.filter(
        in_source(translation.source_id), translation=translation, reviewed_at__isnull=True
    )


def mark_reviewed(rows, user_id):
    return rows.filter(reviewed_at__isnull=True).update(
        reviewed_at=timezone.now(), reviewed_by_id=user_id
    )


def record(source, translations, before, after):
    """Record the changes of the source's segments between ``before`` and ``after``
    (``segments_of``) for each of ``translations``, and forget the changes waiting in
    segments the source no longer has. Returns the ids of the translations with a change
    recorded (a constant number of queries)."""
    pairs = {
        context_id: found
        for context_id, strings in after.items()
        if before.get(context_id, []) != strings
        and (found := changed_pairs(before.get(context_id, []), strings))
    }
    recorded = Changes(translations, pairs).save() if pairs else set()
    # After the changes are saved: the rows that follow their segment are in the source again.
    ChangedSegment.objects.filter(
        ~in_source(source.pk), translation__in=translations, reviewed_at__isnull=True
    ).delete()
    return recorded


class Changes:
    """The rows of the changed contexts of some translations, as a sync leaves them."""

    def __init__(self, translations, pairs):
        self.translations, self.pairs = translations, pairs
        self.loaded = {
            self.key(row): row
            for row in ChangedSegment.objects.select_for_update().filter(
                translation__in=translations, context_id__in=list(pairs)
            )
        }
        self.rows, self.moved = dict(self.loaded), set()
        self.now = timezone.now()

    @staticmethod
    def key(row):
        return (row.translation_id, row.context_id, row.string_id)

    def previous_translations(self):
        """{(locale id, context id, string id): text} of the strings that changed."""
        old_ids = {old_id for found in self.pairs.values() for (old_id, _), _new in found}
        return {
            (locale_id, context_id, string_id): data
            for locale_id, context_id, string_id, data in StringTranslation.objects.filter(
                locale_id__in={t.target_locale_id for t in self.translations},
                context_id__in=list(self.pairs),
                translation_of_id__in=old_ids,
            ).values_list("locale_id", "context_id", "translation_of_id", "data")
        }

    def save(self):
        previous = self.previous_translations()
        for translation in self.translations:
            for context_id, found in self.pairs.items():
                # Every old row leaves its string before any lands on a new one: a segment may
                # take the text another segment of the context had.
                taken = [
                    (self.rows.pop((translation.pk, context_id, old[0]), None), old, new)
                    for old, new in found
                ]
                for row, old, new in taken:
                    translated = previous.get((translation.target_locale_id, context_id, old[0]))
                    self.follow(translation, context_id, row, old, new, translated)
        return self.write()

    def follow(self, translation, context_id, row, old, new, translated):
        """A row waiting for review follows its segment to the new text and keeps the text
        reviewed last; otherwise a segment that had a translation gets a row."""
        key = (translation.pk, context_id, new[0])
        occupant = self.rows.get(key)
        if occupant is not None and occupant.reviewed_at is None:
            return
        if row is None or row.reviewed_at is not None:
            if translated is None:
                return
            row = row or occupant or ChangedSegment(translation=translation, context_id=context_id)
            row.previous_source, row.previous_translation = old[1], translated
            row.reviewed_at = row.reviewed_by = None
        elif row.previous_source == new[1]:
            # Back to the text that was reviewed, whose translation still stands.
            return
        row.string_id, row.machine_prefill, row.changed_at = new[0], "", self.now
        self.rows[key] = row
        self.moved.add(key)

    def write(self):
        kept = {row.pk for row in self.rows.values() if row.pk is not None}
        to_delete = [row.pk for row in self.loaded.values() if row.pk not in kept]
        to_update, to_create = [], []
        for key in self.moved:
            row, before = self.rows[key], self.loaded.get(key)
            if (
                row.pk is not None
                and before is not None
                and before is not row
                and before.pk in kept
            ):
                # The string's previous row moves on in the same update, and the database
                # checks uniqueness row by row: this one is written anew once it has gone.
                to_delete.append(row.pk)
                row.pk = None
            (to_update if row.pk is not None else to_create).append(row)
        if to_delete:
            ChangedSegment.objects.filter(pk__in=to_delete).delete()
        ChangedSegment.objects.bulk_update(to_update, SAVED_FIELDS)
        ChangedSegment.objects.bulk_create(to_create)
        return {translation_id for translation_id, _context, _string in self.moved}


def follow_string_translation(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A person's text saved after the change reviews the segment; machine text arriving
    for it is kept as its prefill (one query)."""
    if raw or instance.context_id is None:
        return
    # StringTranslation.save saves again to flag invalid HTML: not a new text.
    if update_fields is not None and not {"data", "translation_type"} & set(update_fields):
        return
    machine = instance.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    if not machine and instance.last_translated_by_id is None:
        return
    rows = ChangedSegment.objects.filter(
        context_id=instance.context_id,
        string_id=instance.translation_of_id,
        translation__target_locale_id=instance.locale_id,
        reviewed_at__isnull=True,
    )
    if machine:
        rows.update(machine_prefill=instance.data)
    else:
        mark_reviewed(
            rows.filter(changed_at__lte=instance.updated_at), instance.last_translated_by_id
        )


def connect():
    post_save.connect(
        follow_string_translation,
        sender=StringTranslation,
        dispatch_uid="hub_translation_changed_segments",
    )
