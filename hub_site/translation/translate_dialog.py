"""wagtail-localize's "Translate" dialog, offering only the languages in use.

wagtail-localize builds its form inside its views (``SubmitTranslationView.get_form``) and
has no setting or hook to change the locales it offers, so these subclasses narrow them,
answering its URLs first (``wagtail_hooks.register_translate_dialog_urls``). Its form,
permission check and what it does with the choice are left as they are; its template is
extended only to say why a dialog may have nothing to offer.
"""

from django import forms

from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from hub_site.translation.languages_in_use import languages_in_use, starts_a_page_tree


class LanguagesInUseMixin:
    template_name = "hub_translation/translate_dialog.html"

    def offers_every_language(self):
        return False

    def get_form(self):
        form = super().get_form()
        if self.offers_every_language():
            return form
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=languages_in_use().values("pk"))
        # As wagtail-localize does: "Select all" only when there is more than one to select.
        if len(locales.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # wagtail-localize shows its "Translate" button while any locale lacks a
        # translation, so the dialog may open with none of those in use left to offer.
        context["offers_no_language"] = not context["form"].fields["locales"].queryset
        return context


class PageTranslationView(LanguagesInUseMixin, SubmitPageTranslationView):
    def offers_every_language(self):
        # Translating the home page is how a language comes into use.
        return starts_a_page_tree(self.object)


class SnippetTranslationView(LanguagesInUseMixin, SubmitSnippetTranslationView):
    pass
