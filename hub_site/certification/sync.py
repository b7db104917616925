"""wagtail-localize's "Sync translated pages", without "Publish immediately", keeping
translators' work.

That option writes the new source text into each live translation's row and publishes it,
which would put unreviewed text before readers; translations go live through their review.
The view is wagtail-localize's own, with a form that lacks the option; its URL takes the
place of wagtail-localize's (this app's admin URLs come first), so the form behind the
"Sync" button is this one. A POST asking to publish anyway is refused.

The sync itself is hub_site.translation.sync's: the segments whose original changed keep
their previous source and translation for the translator's review, and machine
translation, when asked for, goes through the task queue.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect

from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from hub_site.certification.refusal import refuse
from hub_site.translation.sync import sync_translations


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

    @transaction.atomic
    def form_valid(self, form):
        # Upstream's form_valid, less publishing; the original is read as it is live (its
        # row), as upstream's update_from_db reads it.
        translations = sync_translations(
            self.object.get_source_instance(),
            user=self.request.user,
            machine_translate_all=bool(form.cleaned_data.get("use_machine_translation")),
        )
        self.object.refresh_from_db()
        for translation in translations:
            with contextlib.suppress(ValidationError):
                translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: translations})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())
