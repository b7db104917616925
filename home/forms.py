"""The support form: fixed fields, because its consent rule is compliance, not layout."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CONSENT_WORDING = _("I agree to receive updates on the impact of contributions by email")


class SupportForm(forms.Form):
    interested_in_contributing = forms.BooleanField(
        label=_("I am interested in contributing"), required=False
    )
    content_suggestion = forms.CharField(
        label=_("Content suggestion"),
        help_text=_(
            "A topic, question or publication you would like us to consider "
            "(up to 2,000 characters)."
        ),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Only if you want updates on the impact contributions are making."),
        required=False,
    )
    impact_updates_consent = forms.BooleanField(label=CONSENT_WORDING, required=False)

    # (key in the stored submission, column heading) for the admin listing and CSV export.
    DATA_FIELDS = [
        ("interested_in_contributing", _("Interested in contributing")),
        ("content_suggestion", _("Content suggestion")),
        ("email", _("Email address")),
        ("impact_updates_consent", _("Consented to impact updates")),
        ("consent_given_at", _("Consent given at")),
        ("consent_wording", _("Consent wording shown")),
    ]

    def __init__(self, *args, page=None, user=None, **kwargs):
        # Wagtail's form pages pass the page and the user; this form needs neither.
        super().__init__(*args, label_suffix="", **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        consent = cleaned_data.get("impact_updates_consent")
        if email and not consent:
            self.add_error(
                "impact_updates_consent",
                gettext(
                    "Tick this box to agree to receive impact updates by email, "
                    "or leave the email address empty."
                ),
            )
        if consent and not email and "email" not in self.errors:
            self.add_error("email", gettext("Enter the email address for the impact updates."))
        answered = any(
            cleaned_data.get(name)
            for name in ("interested_in_contributing", "content_suggestion", "email")
        )
        if not answered and not self.errors:
            raise forms.ValidationError(
                gettext(
                    "Tell us you are interested in contributing, suggest some content, "
                    "or sign up for impact updates."
                ),
                code="empty",
            )
        return cleaned_data

    def submission_data(self, now):
        """What is stored: the answers, and for consent its time and the exact wording shown."""
        data = self.cleaned_data
        consent = data["impact_updates_consent"]
        return {
            "interested_in_contributing": data["interested_in_contributing"],
            "content_suggestion": data["content_suggestion"],
            "email": data["email"],
            "impact_updates_consent": consent,
            "consent_given_at": now.isoformat() if consent else "",
            "consent_wording": str(CONSENT_WORDING) if consent else "",
        }
