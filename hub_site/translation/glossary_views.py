"""The glossary check: a translation's departures from the glossary, and their reasons.

Unlike the numbers check, the translator may give the reason: a departure is often right
(the sentence needs another word), and the reason goes to the reviewer, who approves or
sends the translation back.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from hub_site.translation.glossary import glossary_warnings_of, unexplained
from hub_site.translation.models import GlossaryWarningReason
from hub_site.translation.numbers_guard import translation_of
from hub_site.translation.targets import translation_and_target
from hub_site.translation.views import may_check_numbers

TEMPLATE = "hub_translation/glossary_check.html"
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
    if isinstance(obj, Page):
        return reverse("hub_glossary:glossary_check", args=(obj.pk,))
    translation = translation_of(obj)
    return reverse("hub_glossary:translation_glossary_check", args=(translation.pk,))


def may_check_glossary(user, obj):
    """Whoever edits the translation, and the reviewers of its workflow: the same people as
    the numbers check's."""
    return may_check_numbers(user, obj)


@require_http_methods(["GET", "POST"])
def glossary_check(request, page_id):
    """The segments of a translated page that depart from the glossary."""
    return glossary_check_of(request, get_object_or_404(Page, pk=page_id).specific)


@require_http_methods(["GET", "POST"])
def translation_glossary_check(request, translation_id):
    """The same, for a translated snippet (snippets have no admin URL of one shape)."""
    _translation, obj = translation_and_target(translation_id)
    return glossary_check_of(request, obj)


def glossary_check_of(request, obj):
    if not may_check_glossary(request.user, obj):
        raise PermissionDenied
    translation, warnings = glossary_warnings_of(obj)
    context = {
        "object": obj,
        "title": obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
        "translation": translation,
        "warnings": warnings,
        "unexplained": unexplained(warnings),
        "edit_url": AdminURLFinder(request.user).get_edit_url(obj),
    }
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, context)

    form = GlossaryReasonForm(request.POST, warnings=warnings)
    if not form.is_valid():
        messages.error(request, BLANK_REASON if form.names_a_warning else NO_SUCH_WARNING)
        return TemplateResponse(request, TEMPLATE, {**context, "form": form}, status=400)
    warning = form.warning
    GlossaryWarningReason.objects.create(
        string_translation=warning.string_translation,
        term=warning.term,
        checked_text=warning.translated_text,
        reason=form.cleaned_data["reason"],
        given_by=request.user,
    )
    messages.success(request, _("The reason is recorded; the reviewer will see it."))
    return redirect(request.path)
