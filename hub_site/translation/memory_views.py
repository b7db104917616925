"""The translation memory page of one translation: what the memory offers for each segment
still waiting for a translation, and the buttons that write it."""

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin import messages

from hub_site.translation import memory
from hub_site.translation.models import TranslationMemoryEntry
from hub_site.translation.screens import TranslationEditorScreenView
from hub_site.translation.tables import SegmentColumn
from hub_site.translation.text_diff import plain, word_diff


def memory_url(translation_id):
    return reverse("hub_translation_memory:memory", args=(translation_id,))


def offer(segment_matches, match, alternative=False):
    return {
        "match": match,
        "target": plain(match.entry.target_text),
        # An exact match other than the most recently published, which "accept all" uses.
        "alternative": alternative,
        "diff": None
        if match.exact
        else word_diff(plain(match.entry.source_text), plain(segment_matches.source_text)),
    }


def rows_of(found):
    return [
        {
            "segment": segment_matches.segment,
            "source": plain(segment_matches.source_text),
            "changed": segment_matches.changed,
            "exact_count": len(segment_matches.exact),
            "offers": [
                *(
                    offer(segment_matches, match, alternative=index > 0)
                    for index, match in enumerate(segment_matches.exact)
                ),
                *(offer(segment_matches, match) for match in segment_matches.fuzzy),
            ],
        }
        for segment_matches in found
    ]


class UseMatchForm(forms.Form):
    segment = forms.IntegerField()
    entry = forms.IntegerField()


def chosen_match(data, translation, found):
    """(SegmentMatches, Match) chosen by a "Use this translation" button, or an error."""
    form = UseMatchForm(data)
    if not form.is_valid():
        return None, _("Choose a segment and one of the translations offered for it.")
    segment_matches = next((s for s in found if s.segment.pk == form.cleaned_data["segment"]), None)
    if segment_matches is None:
        return None, _(
            "That segment of this translation is not waiting for a translation, or the "
            "memory has nothing for it."
        )
    match = segment_matches.find(form.cleaned_data["entry"])
    if match is not None:
        return (segment_matches, match), None
    entry = TranslationMemoryEntry.objects.filter(pk=form.cleaned_data["entry"]).first()
    if entry is not None and (
        entry.target_locale_id != translation.target_locale_id
        or entry.source_locale_id != translation.source.locale_id
    ):
        return None, _("That translation memory entry is for another language.")
    return None, _("That translation memory entry was not made for this segment's text.")


class TranslationMemoryView(TranslationEditorScreenView):
    template_name = "hub_translation/translation_memory.html"
    page_title = gettext_lazy("Translation memory")
    header_icon = "history"
    columns = [
        SegmentColumn("source", label=gettext_lazy("Original"), cell="memory_source"),
        SegmentColumn("offers", label=gettext_lazy("Translations in memory"), cell="memory_offers"),
    ]

    def get_row_attrs(self, row):
        return {"class": "translation-memory-segment", "id": f"segment-{row['segment'].pk}"}

    @cached_property
    def found(self):
        return memory.find_matches(self.translation)

    def get_context_data(self, **kwargs):
        rows = rows_of(self.found)
        return super().get_context_data(
            language=self.translation.target_locale.get_display_name(),
            rows=rows,
            table=self.get_table(rows),
            exact_count=sum(1 for s in self.found if s.exact),
            threshold_percent=round(memory.fuzzy_threshold() * 100),
            edit_url=self.get_edit_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        context = self.get_context_data()
        action = request.POST.get("action")
        if action == "accept_exact":
            chosen = [(s, s.best_exact) for s in self.found if s.exact]
            if not chosen:
                messages.warning(request, _("No segment has an exact match left to accept."))
                return redirect(request.path)
            return self.fill_and_report(chosen)
        if action == "use":
            chosen, error = chosen_match(request.POST, self.translation, self.found)
            if error:
                return self.refuse_post(context, error)
            return self.fill_and_report([chosen])
        return self.refuse_post(context, _("Unknown action: nothing was changed."))

    def fill_and_report(self, chosen):
        request = self.request
        written = memory.fill(self.translation, chosen, request.user)
        messages.success(
            request,
            ngettext(
                "%(count)d segment filled from translation memory.",
                "%(count)d segments filled from translation memory.",
                len(written),
            )
            % {"count": len(written)},
        )
        broken = sum(1 for string_translation in written if string_translation.has_error)
        if broken:
            messages.warning(
                request,
                ngettext(
                    "The links of %(count)d of them do not fit this segment: correct it in the "
                    "translation editor.",
                    "The links of %(count)d of them do not fit their segments: correct them in "
                    "the translation editor.",
                    broken,
                )
                % {"count": broken},
            )
        return redirect(request.path)
