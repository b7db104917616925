"""The contributor's admin form: checks a disclosure as a whole, its relationships included.

The model's ``clean()`` cannot: while the form is validated, the relationships being added
or removed are only in the form's inline formset, not yet on the contributor.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from articles.models.contributor import RELATIONSHIPS_LOOKBACK


class ContributorForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        relationships = self.formsets["relationships"]
        if not relationships.is_valid():
            return cleaned_data
        kept = [
            form
            for form in relationships.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if kept and cleaned_data.get("nothing_to_disclose"):
            self.add_error(
                "nothing_to_disclose",
                _(
                    "A disclosure either says “Nothing to disclose” or lists relationships: "
                    "untick this or remove the relationships."
                ),
            )
        if kept and not cleaned_data.get("mitigation", "").strip():
            self.add_error(
                "mitigation",
                _(
                    "Say how the relationships were kept from influencing the content: "
                    "readers see this statement with them."
                ),
            )
        # The disclosure covers the 24 months before it was confirmed; an older relationship
        # is refused rather than shown to readers as if it were disclosed.
        confirmed_on = cleaned_data.get("disclosure_confirmed_on") or timezone.localdate()
        for form in kept:
            ended_on = form.cleaned_data.get("ended_on")
            if ended_on and ended_on < confirmed_on - RELATIONSHIPS_LOOKBACK:
                form.add_error(
                    "ended_on",
                    _(
                        "This relationship ended more than 24 months before the disclosure "
                        "was confirmed, so the disclosure does not cover it: remove it."
                    ),
                )
        return cleaned_data
