"""The review of a translation's segments whose source changed at a sync
(changed_segments.py).

Each segment shows the source and translation as they were, the new source with what
changed, and the translation it has now; the translator saves a new translation or keeps
the one it has.
"""

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_localize.models import StringSegment, StringTranslation

from hub_site.translation import changed_segments
from hub_site.translation.models import ChangedSegment
from hub_site.translation.screens import TranslationEditorScreenView
from hub_site.translation.text_diff import word_diff

SAVE, KEEP = "save", "keep"


@dataclass
class ReviewItem:
    change: ChangedSegment
    current: StringTranslation | None

    @property
    def key(self):
        return (self.change.pk, self.change.string_id)

    @property
    def diff(self):
        return word_diff(self.change.previous_source, self.change.string.data)

    @property
    def is_machine(self):
        return (
            self.current is not None
            and self.current.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        )


def review_items(translation):
    """The changed segments waiting for review, in the source's order (2 queries)."""
    first_order = (
        StringSegment.objects.filter(
            source_id=translation.source_id,
            context_id=OuterRef("context_id"),
            string_id=OuterRef("string_id"),
        )
        .order_by("order")
        .values("order")[:1]
    )
    changes = list(
        changed_segments.waiting(translation)
        .annotate(order=Subquery(first_order))
        .select_related("string")
        .order_by("order", "pk")
    )
    if not changes:
        return []
    current = {
        (st.translation_of_id, st.context_id): st
        for st in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={change.context_id for change in changes},
            translation_of_id__in={change.string_id for change in changes},
        )
    }
    return [
        ReviewItem(change, current.get((change.string_id, change.context_id))) for change in changes
    ]


class ReviewForm(forms.Form):
    segment = forms.TypedChoiceField(coerce=int)
    # The string shown: a sync since the page was opened changes what is translated.
    string = forms.IntegerField()
    action = forms.ChoiceField(choices=[(SAVE, SAVE), (KEEP, KEEP)])
    text = forms.CharField(required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item.key: item for item in items}
        self.fields["segment"].choices = sorted({(pk, pk) for pk, _string in self.items})

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        item = self.items.get((cleaned_data["segment"], cleaned_data["string"]))
        if item is None:
            raise forms.ValidationError(
                _("The original changed again since this page was opened: review it again.")
            )
        if cleaned_data["action"] == SAVE and not cleaned_data["text"]:
            self.add_error("text", _("Write the translation before saving it."))
        if cleaned_data["action"] == KEEP and item.current is None:
            raise forms.ValidationError(
                _("This segment has no translation to keep: write one and save it.")
            )
        cleaned_data["item"] = item
        return cleaned_data


def error_message(form):
    if "segment" in form.errors:
        return _("That segment is not waiting for review in this translation.")
    if "text" in form.errors:
        return form.errors["text"][0]
    return " ".join(form.non_field_errors()) or _("That request could not be understood.")


class ReviewView(TranslationEditorScreenView):
    """The changed segments of a translation waiting for review."""

    template_name = "hub_translation/changed_segments.html"
    page_title = gettext_lazy("Changed segments")
    header_icon = "warning"

    @property
    def title(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            items=review_items(self.translation), edit_url=self.get_edit_url(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        context = self.get_context_data()
        translation = self.translation
        form = context["form"] = ReviewForm(request.POST, items=context["items"])
        if not form.is_valid():
            return self.refuse_post(context, error_message(form))
        change = form.cleaned_data["item"].change
        with transaction.atomic():
            if form.cleaned_data["action"] == SAVE:
                # As wagtail-localize's editor saves one string (edit_string_translation); the
                # save reviews the segment (changed_segments.follow_string_translation).
                StringTranslation.objects.update_or_create(
                    translation_of_id=change.string_id,
                    locale_id=translation.target_locale_id,
                    context_id=change.context_id,
                    defaults={
                        "data": form.cleaned_data["text"],
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "tool_name": "",
                        "last_translated_by": request.user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
            # Keeping saves no text to review the row (a save has reviewed it already); and
            # only while it stands for the string shown, which a sync meanwhile may move on.
            changed_segments.mark_reviewed(
                ChangedSegment.objects.filter(pk=change.pk, string_id=change.string_id),
                request.user.pk,
            )
        if form.cleaned_data["action"] == SAVE:
            return self.done(_("The translation is saved and the segment reviewed."))
        return self.done(_("The translation is kept as it is and the segment reviewed."))
