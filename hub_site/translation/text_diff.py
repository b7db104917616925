"""Differences between two segment texts, as a person reads them: removed words in <del>,
added ones in <ins>, everything escaped. Shared by the translation memory's fuzzy matches
and the review of segments whose source changed."""

import html
import re
from difflib import SequenceMatcher

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

# Words, runs of spaces, HTML tags and single punctuation marks: the units of the diff.
TOKEN = re.compile(r"<[^>]*>|\w+|\s+|[^\w\s]")


def plain(text):
    """A stored segment as a person reads it: inline tags dropped, entities decoded (a
    template escapes it again)."""
    return html.unescape(strip_tags(text))


def word_diff(old, new):
    """``new`` as HTML, escaped, with the words removed from ``old`` in <del> and the words
    added in <ins>."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    parts = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(before[i1:i2])), escape("".join(after[j1:j2]))
        if tag == "equal":
            parts.append(added)
            continue
        if removed:
            parts.append(f"<del>{removed}</del>")
        if added:
            parts.append(f"<ins>{added}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above
