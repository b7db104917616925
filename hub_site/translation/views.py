import django_filters

from django import forms
from django.contrib.auth.mixins import UserPassesTestMixin
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, WorkflowMixin
from wagtail.permission_policies import ModelPermissionPolicy

from hub_site.translation.approval import unconfirmed_figures_message
from hub_site.translation.models import NumberCheckConfirmation
from hub_site.translation.numbers_guard import flagged_segments_of
from hub_site.translation.screens import TranslationScreenView, screen_url
from hub_site.translation.status import (
    STATUSES,
    may_view_translation_reports,
    target_locales,
    translation_status,
    type_choices,
)
from hub_site.translation.tables import ReasonColumn, SegmentColumn


class NumberConfirmationForm(forms.Form):
    string_translation = forms.TypedChoiceField(coerce=int)
    reason = forms.CharField(
        label=gettext_lazy("Why the figures differ"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Say why the figures differ from the original.")},
    )

    def __init__(self, *args, flagged, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["string_translation"].choices = [
            (segment.string_translation.pk, segment.source_text) for segment in flagged
        ]


def number_check_url(obj):
    """The numbers check of a translated page, or of a translated snippet's translation."""
    return screen_url(
        obj, "hub_translation:number_check", "hub_translation:translation_number_check"
    )


def may_check_numbers(user, obj):
    """Who edits the translation, and the reviewers of its workflow: the confirmation of a
    difference in figures is asked of someone other than the translator who made it."""
    if isinstance(obj, Page):
        if obj.permissions_for_user(user).can_edit():
            return True
    elif ModelPermissionPolicy(type(obj)).user_has_permission(user, "change"):
        return True
    workflow = obj.get_workflow() if isinstance(obj, WorkflowMixin) else None
    return workflow is not None and any(
        task.user_can_access_editor(obj, user) for task in workflow.tasks.specific()
    )


def figures(segment):
    """'46, 53 → 53, 64': the source's figures, then the translation's."""
    return f"{', '.join(segment.source_numbers)} → {', '.join(segment.translated_numbers)}"


class NumberCheckView(TranslationScreenView):
    """The segments of a translated page or snippet whose figures differ from the source's."""

    template_name = "hub_translation/number_check.html"
    page_title = gettext_lazy("Numbers check")
    header_icon = "warning"
    columns = [
        SegmentColumn("source_text", label=gettext_lazy("Original")),
        SegmentColumn("translated_text", label=gettext_lazy("Translation")),
        SegmentColumn("figures", label=gettext_lazy("Figures"), accessor=figures),
        SegmentColumn(
            "translator",
            label=gettext_lazy("Translated by"),
            accessor=lambda segment: segment.string_translation.last_translated_by or "—",
        ),
        ReasonColumn(
            "confirmation",
            label=gettext_lazy("Confirmation"),
            cell="number_confirmation",
            naming_fields=lambda segment: {"string_translation": segment.string_translation.pk},
        ),
    ]

    def user_may_use(self, user):
        return may_check_numbers(user, self.object)

    def get_row_attrs(self, segment):
        return {"class": "number-check-flag"}

    def get_context_data(self, **kwargs):
        translation, flagged = flagged_segments_of(self.object)
        return super().get_context_data(
            translation=translation,
            flagged=flagged,
            table=self.get_table(flagged),
            edit_url=self.get_edit_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        context = self.get_context_data()
        flagged = context["flagged"]
        form = context["form"] = NumberConfirmationForm(request.POST, flagged=flagged)
        if not form.is_valid():
            if "string_translation" in form.errors:
                return self.refuse_post(context, _("That segment has no figures left to confirm."))
            return self.refuse_post(context, _("Say why the figures differ from the original."))
        segment = next(
            s for s in flagged if s.string_translation.pk == form.cleaned_data["string_translation"]
        )
        if segment.translator_id == request.user.pk:
            return self.refuse_post(
                context,
                _(
                    "You translated this segment: someone other than its translator must "
                    "confirm that its figures differ from the original on purpose."
                ),
                status=403,
            )
        with transaction.atomic():
            NumberCheckConfirmation.objects.create(
                string_translation=segment.string_translation,
                confirmed_text=segment.translated_text,
                confirmed_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        return self.done(_("The figures of that segment are confirmed."))


def refuse_flagged(request, obj, flagged):
    """Tell the translator what blocks publishing and send them to the numbers check."""
    messages.error(
        request,
        " ".join(
            (
                unconfirmed_figures_message(flagged),
                _(
                    "Correct them in the translation editor, or ask someone other than their "
                    "translator to confirm them in the numbers check."
                ),
            )
        ),
    )
    return redirect(number_check_url(obj))


class TranslationStatusFilterSet(WagtailFilterSet):
    """Filters rows of ``translation_status``, which are not one queryset (pages and each
    snippet model's objects together); the model is only what django-filters needs to build
    the form."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=list(STATUSES.items()),
        empty_label=gettext_lazy("All"),
    )
    locale = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"), empty_label=gettext_lazy("All")
    )
    type = django_filters.ChoiceFilter(label=gettext_lazy("Type"), empty_label=gettext_lazy("All"))

    class Meta:
        model = Page
        fields = []

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.filters["type"].extra["choices"] = type_choices()

    def filter_queryset(self, rows):
        chosen = self.form.cleaned_data
        return [
            row
            for row in rows
            if row.matches(
                status=chosen.get("status"),
                language_code=chosen.get("locale"),
                kind=chosen.get("type"),
            )
        ]


class TranslationStateColumn(Column):
    """The translation's state, with its flags beside it."""

    cell_template_name = "hub_translation/status_cell.html"


class TranslationStatusReportView(UserPassesTestMixin, ReportView):
    """Every translatable page and snippet × every other language in use."""

    page_title = gettext_lazy("Translation status")
    header_icon = "globe"
    results_template_name = "hub_translation/status_report.html"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "hub_translation:status_report"
    index_results_url_name = "hub_translation:status_report_results"
    columns = [
        TitleColumn("title", label=gettext_lazy("Title"), get_url=lambda row: row.url),
        Column("type_label", label=gettext_lazy("Type")),
        Column("language", label=gettext_lazy("Language")),
        TranslationStateColumn("status_label", label=gettext_lazy("Status")),
    ]
    list_export = ["title", "type", "language", "status", "out_of_date", "machine", "url"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "type": gettext_lazy("Type"),
        "language": gettext_lazy("Language"),
        "status": gettext_lazy("Status"),
        "out_of_date": gettext_lazy("Out of date"),
        "machine": gettext_lazy("Machine text unedited"),
        "url": gettext_lazy("URL"),
    }

    def test_func(self):
        return may_view_translation_reports(self.request.user)

    @cached_property
    def locales(self):
        return target_locales()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "locales": self.locales}

    def get_queryset(self):
        # All the rows, filtered once by get_filtered_queryset (BaseListingView's
        # get_queryset would filter them a second time).
        return translation_status(self.locales)

    def filter_queryset(self, rows):
        if self.filters is None:
            return rows
        # Each filter on its own, as before the generic view: an unknown value (a language
        # no longer in use, in an old link) drops that filter, not the valid ones.
        self.filters.is_valid()
        return self.filters.filter_queryset(rows)

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("Nothing matches these filters.")
        return super().no_results_message

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages_in_use"] = [locale.get_display_name() for locale in self.locales]
        return context

    def get_filename(self):
        return f"translation-status-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return {
            "title": item.title,
            "type": item.type_label,
            "language": item.language,
            "status": str(item.status_label),
            "out_of_date": item.out_of_date,
            "machine": item.machine,
            "url": self.request.build_absolute_uri(item.url) if item.url else "",
        }
