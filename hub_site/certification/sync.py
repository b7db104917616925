"""wagtail-localize's "Sync translated pages" without its "Publish immediately".

That option writes the new source text into each live translation's row and publishes it,
which would put unreviewed text before readers; translations go live through their review.
The view is wagtail-localize's own, with a form that lacks the option; its URL takes the
place of wagtail-localize's (this app's admin URLs come first), so the form behind the
"Sync" button is this one. A POST asking to publish anyway is refused.
"""

from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from hub_site.certification.refusal import refuse


class SyncWithoutPublishingForm(UpdateTranslationsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["publish_translations"] = False
        return cleaned_data


class SyncWithoutPublishingView(UpdateTranslationsView):
    def get_form(self):
        if self.request.method == "POST":
            return SyncWithoutPublishingForm(self.request.POST)
        return SyncWithoutPublishingForm()

    def post(self, request, **kwargs):
        if request.POST.get("publish_translations"):
            return refuse(request)
        return super().post(request, **kwargs)
