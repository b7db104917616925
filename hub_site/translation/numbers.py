"""The numbers guard: a translated segment must carry the same figures as its source.

Figures are compared as normalised values, so "0.004" and "0,004", "1,500" and "1.500",
"53%" and "53 %" are the same; a range "1.5–4.8" is its two ends; "p < 0.001" is 0.001.
"""

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

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
