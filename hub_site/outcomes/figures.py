"""Every figure of one learning-outcomes report, as plain data for the page, the printable
report, the charts and the CSV."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hub_site.outcomes.agreement import Agreement, agreement
from hub_site.outcomes.filters import ReportFilters
from hub_site.outcomes.knowledge import Knowledge, knowledge
from hub_site.outcomes.participation import participation
from hub_site.outcomes.scope import Scope


@dataclass
class OutcomesReport:
    scope: Scope
    filters: ReportFilters
    produced_at: datetime.datetime
    participation: list  # [ParticipationRow], the total first
    knowledge: Knowledge
    agreement: Agreement

    @property
    def language(self):
        locale = self.filters.locale
        return locale.get_display_name() if locale else _("All languages")

    @property
    def period(self):
        date_from, date_to = self.filters.date_from, self.filters.date_to
        if date_from and date_to:
            return _("%(from)s to %(to)s") % {"from": _day(date_from), "to": _day(date_to)}
        if date_from:
            return _("From %(from)s") % {"from": _day(date_from)}
        if date_to:
            return _("Until %(to)s") % {"to": _day(date_to)}
        return _("All dates")

    @property
    def total(self):
        """The participation of the whole scope."""
        return self.participation[0]


def _day(day):
    return date_format(day, "j F Y")


def outcomes_report(scope, filters):
    return OutcomesReport(
        scope=scope,
        filters=filters,
        produced_at=timezone.now(),
        participation=participation(scope, filters),
        knowledge=knowledge(scope, filters),
        agreement=agreement(scope, filters),
    )
