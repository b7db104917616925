"""One figure of the report with the number of readers behind it, so that every figure
is withheld the same way when there are too few of them (statistics.MIN_RESPONDENTS)."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from hub_site.outcomes.statistics import MIN_RESPONDENTS, is_suppressed, percentage

COUNT, PERCENT, POINTS = "count", "percent", "points"
NOTHING = "—"


def suppressed_text():
    return _("fewer than %(minimum)s") % {"minimum": MIN_RESPONDENTS}


def withheld_text():
    return _("withheld")


def suppression_note():
    return _(
        "Figures about fewer than %(minimum)s readers are withheld: shown as “fewer than "
        "%(minimum)s”, and left blank in the CSV. Where a total would give such a figure "
        "away, one more figure is withheld, shown as “withheld”."
    ) % {"minimum": MIN_RESPONDENTS}


@dataclass(frozen=True)
class Cell:
    """A count, a percentage or a change in percentage points; ``value`` is None where
    there is nothing to compute (e.g. an interval from one reader)."""

    value: float | None
    respondents: int
    kind: str = COUNT
    # Withheld although enough readers are behind it: it would give away another cell
    # that is withheld (participation.py).
    withheld: bool = False

    @classmethod
    def count(cls, n):
        return cls(n, n)

    @classmethod
    def share(cls, part, whole):
        return cls(percentage(part, whole), whole, PERCENT)

    @property
    def suppressed(self):
        return self.withheld or is_suppressed(self.respondents)

    @property
    def csv_value(self):
        """The figure for a spreadsheet: a number, or blank when withheld or missing."""
        if self.suppressed or self.value is None:
            return ""
        return self.value if self.kind == COUNT else round(self.value, 1)

    @property
    def csv_respondents(self):
        return "" if self.suppressed else self.respondents

    @property
    def note(self):
        """Why the figure is not shown; empty when it is."""
        if self.withheld:
            return withheld_text()
        return suppressed_text() if self.suppressed else ""

    @property
    def text(self):
        if self.suppressed:
            return self.note
        if self.value is None:
            return NOTHING
        if self.kind == COUNT:
            return number_format(self.value, force_grouping=True)
        shown = number_format(round(self.value, 1), decimal_pos=1)
        if self.kind == PERCENT:
            return f"{shown}%"
        return f"+{shown}" if self.value > 0 else shown

    def __str__(self):
        return str(self.text)
