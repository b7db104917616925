from django import forms
from django.urls import reverse

from hub_site.gate.redirects import MAX_RETURN_URL_LENGTH, safe_return_url


def home_url():
    """The home page in the active language, where unusable return URLs lead."""
    return reverse("wagtail_serve", args=[""])


class ConfirmForm(forms.Form):
    """The confirmation: only a return URL travels with it, and only a path on this site.

    A missing, foreign or malformed return URL is not the reader's mistake to correct, so
    the form never fails: ``return_url`` falls back to the home page.
    """

    next = forms.CharField(
        required=False, strip=False, max_length=MAX_RETURN_URL_LENGTH, widget=forms.HiddenInput
    )

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_next(self):
        return safe_return_url(self.cleaned_data["next"], self.request) or ""

    @property
    def return_url(self):
        if self.is_valid() and self.cleaned_data["next"]:
            return self.cleaned_data["next"]
        return home_url()

    @classmethod
    def for_return_url(cls, value, request):
        """An unbound form carrying ``value`` if it is safe (nothing otherwise)."""
        return cls(request=request, initial={"next": safe_return_url(value, request) or ""})
