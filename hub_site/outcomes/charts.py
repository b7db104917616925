"""The report's charts as geometry for a server-rendered SVG (hub_outcomes/includes/chart.html):
horizontal bars a funder reads at a glance, with the figures written beside the bars.

Each chart carries its title and a description that states every figure, and the page
shows the same figures in a table beside it. Withheld figures get no bar, only the words.
Colours: each has at least 3:1 contrast with the white ground (WCAG 1.4.11), text at
least 4.5:1; before and after are orange and blue, told apart without colour vision too.
"""

from dataclasses import dataclass, field

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from surveys.forms import LIKERT_LEVELS

WIDTH = 720
LABEL_END = 248  # labels end here, right-aligned
BAR_START = 256
BAR_SPAN = 360  # the width of 100%, or of the largest count
LABEL_CHARACTERS = 38
TEXT_COLOUR = "#1f2933"
BAR_COLOUR = "#0b5563"
BEFORE_COLOUR = "#b35c00"
AFTER_COLOUR = "#0b5563"
# Strongly disagree … strongly agree: red to blue through grey.
LEVEL_COLOURS = ("#9e2a2b", "#d1495b", "#707070", "#3a7ca5", "#1d3557")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass
class Chart:
    id: str
    title: str
    description: str
    height: int = 0
    rects: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    width: int = WIDTH

    @property
    def title_id(self):
        return f"{self.id}-title"

    @property
    def description_id(self):
        return f"{self.id}-description"

    def label(self, y, text):
        self.texts.append(Text(LABEL_END, y, Truncator(str(text)).chars(LABEL_CHARACTERS), "end"))

    def legend(self, y, items):
        """Coloured squares with their names, three to a line; returns the y below it."""
        for number, (colour, name) in enumerate(items):
            x = (number % 3) * 240
            line_y = y + (number // 3) * 20
            self.rects.append(Rect(x, line_y, 12, 12, colour))
            self.texts.append(Text(x + 18, line_y + 10, str(name)))
        return y + ((len(items) + 2) // 3) * 20 + 8


def participation_chart(row, chart_id):
    """Bars of the four participation counts, on a scale of the largest shown."""
    chart = Chart(
        chart_id,
        _("Participation"),
        _("Readers taking part: %(figures)s.")
        % {"figures": "; ".join(f"{label}: {cell}" for label, cell in row.cells)},
    )
    shown = [cell.value for _label, cell in row.cells if not cell.suppressed]
    largest = max(shown, default=0) or 1
    y = 8
    for label, cell in row.cells:
        chart.label(y + 15, label)
        width = 0 if cell.suppressed else BAR_SPAN * cell.value / largest
        if width:
            chart.rects.append(Rect(BAR_START, y, width, 20, BAR_COLOUR))
        chart.texts.append(Text(BAR_START + width + 6, y + 15, str(cell)))
        y += 30
    chart.height = y + 4
    return chart


def knowledge_chart(rows, chart_id):
    """Before and after bars of the share right (0–100%) per row: overall and questions."""
    chart = Chart(
        chart_id,
        _("Questions answered correctly, before and after reading"),
        _("Share of answers right before and after reading (readers who took both): %(rows)s.")
        % {
            "rows": "; ".join(
                _("%(label)s: before %(before)s, after %(after)s")
                % {"label": row.label, "before": row.before, "after": row.after}
                for row in rows
            )
        },
    )
    y = chart.legend(4, [(BEFORE_COLOUR, _("Before reading")), (AFTER_COLOUR, _("After reading"))])
    for row in rows:
        chart.label(y + 19, row.label)
        for offset, cell, colour in ((0, row.before, BEFORE_COLOUR), (16, row.after, AFTER_COLOUR)):
            width = 0 if cell.suppressed or cell.value is None else BAR_SPAN * cell.value / 100
            if width:
                chart.rects.append(Rect(BAR_START, y + offset, width, 14, colour))
            chart.texts.append(Text(BAR_START + width + 6, y + offset + 11, str(cell)))
        y += 42
    chart.height = y + 4
    return chart


def likert_chart(statements, chart_id, title):
    """One 100% bar per statement, split by level of agreement."""
    chart = Chart(
        chart_id,
        title,
        _("Agreement with each statement: %(rows)s.")
        % {
            "rows": "; ".join(
                _("%(label)s: %(agreement)s agree or strongly agree")
                % {"label": statement.label, "agreement": statement.agreement}
                for statement in statements
            )
        },
    )
    y = chart.legend(
        4,
        [(colour, label) for colour, (_v, label) in zip(LEVEL_COLOURS, LIKERT_LEVELS, strict=True)],
    )
    for statement in statements:
        chart.label(y + 15, statement.label)
        if statement.suppressed:
            chart.texts.append(Text(BAR_START, y + 15, str(statement.agreement)))
        else:
            x = BAR_START
            for colour, (_level, cell) in zip(LEVEL_COLOURS, statement.levels, strict=True):
                width = BAR_SPAN * cell.value / 100
                if width:
                    chart.rects.append(Rect(x, y, width, 20, colour))
                x += width
            chart.texts.append(
                Text(
                    BAR_START + BAR_SPAN + 6,
                    y + 15,
                    _("%(agreement)s agree") % {"agreement": statement.agreement},
                )
            )
        y += 30
    chart.height = y + 4
    return chart
