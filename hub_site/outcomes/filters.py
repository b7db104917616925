"""The report's filters (language, period) and how they narrow answers and tallies."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale


@dataclass(frozen=True)
class ReportFilters:
    """The language answered in and the days answered on (both ends included); None: all."""

    locale: Locale | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def narrow_answers(self, rows, article_keys, *, article_key, answered_at):
        """Raw answers of the articles ``article_keys`` that pass the filters."""
        rows = rows.filter(**{f"{article_key}__in": article_keys})
        if self.locale is not None:
            rows = rows.filter(locale=self.locale)
        # Days in the site's time zone, as editors read dates.
        if self.date_from is not None:
            rows = rows.filter(**{f"{answered_at}__date__gte": self.date_from})
        if self.date_to is not None:
            rows = rows.filter(**{f"{answered_at}__date__lte": self.date_to})
        return rows

    def narrow_tallies(self, tallies, article_keys):
        """Tallies of purged answers (surveys/models/tallies.py) of the articles
        ``article_keys`` that pass the filters. Tallies keep only the month, so a month
        the period touches counts whole."""
        tallies = tallies.filter(article_key__in=article_keys)
        if self.locale is not None:
            tallies = tallies.filter(locale=self.locale)
        if self.date_from is not None:
            tallies = tallies.filter(month__gte=self.date_from.replace(day=1))
        if self.date_to is not None:
            tallies = tallies.filter(month__lte=self.date_to)
        return tallies


class DateInput(forms.DateInput):
    input_type = "date"


def locale_choices():
    return [
        ("", _("All languages")),
        *(
            (locale.language_code, locale.get_display_name())
            for locale in Locale.objects.order_by("language_code")
        ),
    ]


class ReportFilterForm(forms.Form):
    # Chosen among the codes rather than looked up: a code such as "\x00" never reaches
    # the database, which would refuse it with an error.
    locale = forms.ChoiceField(
        label=_("Language"),
        choices=locale_choices,
        required=False,
        error_messages={
            "invalid_choice": _("There is no language with the code “%(value)s” on this site.")
        },
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the first day as a date: YYYY-MM-DD.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=DateInput(format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the last day as a date: YYYY-MM-DD.")},
    )

    def __init__(self, query):
        # Only the filters: ?export=csv and the like travel in the same query string.
        super().__init__({name: query[name] for name in self.base_fields if name in query})

    def clean_locale(self):
        code = self.cleaned_data["locale"]
        return Locale.objects.get(language_code=code) if code else None

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise forms.ValidationError(_("The period must start on or before its last day."))
        return cleaned

    def filters(self):
        """The valid filters; call after ``is_valid()`` returned True."""
        return ReportFilters(
            self.cleaned_data["locale"],
            self.cleaned_data["date_from"],
            self.cleaned_data["date_to"],
        )
