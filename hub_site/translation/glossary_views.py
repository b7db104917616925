"""The glossary check: a translation's departures from the glossary, and their reasons.

Unlike the numbers check, the translator may give the reason: a departure is often right
(the sentence needs another word), and the reason goes to the reviewer, who approves or
sends the translation back.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hub_site.translation.glossary import glossary_warnings_of, unexplained
from hub_site.translation.models import GlossaryWarningReason
from hub_site.translation.screens import TranslationScreenView, screen_url
from hub_site.translation.tables import ReasonColumn, SegmentColumn
from hub_site.translation.views import may_check_numbers

BLANK_REASON = gettext_lazy("Say why the translation departs from the glossary.")
NO_SUCH_WARNING = gettext_lazy("That segment no longer departs from that glossary term.")


class GlossaryReasonForm(forms.Form):
    string_translation = forms.TypedChoiceField(coerce=int)
    term = forms.TypedChoiceField(coerce=int)
    reason = forms.CharField(
        label=gettext_lazy("Why the translation departs from the glossary"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": BLANK_REASON},
    )

    def __init__(self, *args, warnings, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings = {(w.string_translation.pk, w.term.pk): w for w in warnings}
        self.fields["string_translation"].choices = [
            (pk, pk) for pk in {pair[0] for pair in self.warnings}
        ]
        self.fields["term"].choices = [(pk, pk) for pk in {pair[1] for pair in self.warnings}]

    def clean(self):
        cleaned = super().clean()
        pair = (cleaned.get("string_translation"), cleaned.get("term"))
        if None not in pair and pair not in self.warnings:
            raise forms.ValidationError(NO_SUCH_WARNING)
        return cleaned

    @property
    def warning(self):
        data = self.cleaned_data
        return self.warnings[(data["string_translation"], data["term"])]

    @property
    def names_a_warning(self):
        """Whether the form named a current warning, whatever became of its reason."""
        return not ({"string_translation", "term", NON_FIELD_ERRORS} & set(self.errors))


def glossary_check_url(obj):
    """The glossary check of a translated page, or of a translated snippet's translation."""
    return screen_url(obj, "hub_glossary:glossary_check", "hub_glossary:translation_glossary_check")


def may_check_glossary(user, obj):
    """Whoever edits the translation, and the reviewers of its workflow: the same people as
    the numbers check's."""
    return may_check_numbers(user, obj)


class GlossaryCheckView(TranslationScreenView):
    """The segments of a translated page or snippet that depart from the glossary."""

    template_name = "hub_translation/glossary_check.html"
    page_title = gettext_lazy("Glossary check")
    header_icon = "doc-full"
    columns = [
        SegmentColumn("source", label=gettext_lazy("Original"), cell="glossary_source"),
        SegmentColumn(
            "translation", label=gettext_lazy("Translation"), cell="glossary_translation"
        ),
        SegmentColumn("term", label=gettext_lazy("Glossary"), cell="glossary_term"),
        ReasonColumn(
            "reason",
            label=gettext_lazy("Reason"),
            cell="glossary_reason",
            naming_fields=lambda warning: {
                "string_translation": warning.string_translation.pk,
                "term": warning.term.pk,
            },
        ),
    ]

    def user_may_use(self, user):
        return may_check_glossary(user, self.object)

    def get_row_attrs(self, warning):
        return {"class": f"glossary-warning glossary-warning--{warning.kind}"}

    def get_context_data(self, **kwargs):
        translation, warnings = glossary_warnings_of(self.object)
        return super().get_context_data(
            translation=translation,
            warnings=warnings,
            unexplained=unexplained(warnings),
            table=self.get_table(warnings),
            edit_url=self.get_edit_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        context = self.get_context_data()
        form = context["form"] = GlossaryReasonForm(request.POST, warnings=context["warnings"])
        if not form.is_valid():
            return self.refuse_post(
                context, BLANK_REASON if form.names_a_warning else NO_SUCH_WARNING
            )
        warning = form.warning
        GlossaryWarningReason.objects.create(
            string_translation=warning.string_translation,
            term=warning.term,
            checked_text=warning.translated_text,
            reason=form.cleaned_data["reason"],
            given_by=request.user,
        )
        return self.done(_("The reason is recorded; the reviewer will see it."))
