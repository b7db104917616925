from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.widgets import AdminDateTimeInput


class ReleasePlanForm(forms.Form):
    """Which translations go live with the original, and when."""

    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages released with the original"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Go live at (optional)"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy(
            "Every language goes live at this moment, once all are approved. Empty: as soon "
            "as the last one is approved."
        ),
    )

    def __init__(self, *args, release_languages, may_leave_out, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_leave_out = may_leave_out
        self.included_before = {
            str(language.locale_id) for language in release_languages if language.included
        }
        self.fields["languages"].choices = [
            (str(language.locale_id), language.locale.get_display_name())
            for language in release_languages
        ]

    def clean_languages(self):
        chosen = set(self.cleaned_data["languages"])
        if not chosen:
            raise forms.ValidationError(
                _(
                    "Choose at least one language. To release the original alone, a site "
                    "manager uses “Release without waiting”."
                )
            )
        if not self.may_leave_out and self.included_before - chosen:
            raise forms.ValidationError(
                _(
                    "The original is approved and its translations are under way: only a "
                    "site manager leaves a language out now."
                )
            )
        return chosen

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at is not None and go_live_at <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future."))
        return go_live_at


class ReleaseWithoutWaitingForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Kept in the page's history. The approved languages go live with the original; "
            "the others go live on their own when approved."
        ),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the original cannot wait."))
        return reason
