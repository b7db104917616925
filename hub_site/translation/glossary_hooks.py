"""The glossary's admin: its snippet listing and form, the glossary check's URLs, and the
translation editor's warning."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub_site.admin_hooks import register_admin_urls
from hub_site.translation import glossary_views
from hub_site.translation.editor_hooks import when_translation_editor_opens
from hub_site.translation.glossary import glossary_warnings_of, unexplained
from hub_site.translation.models import GlossaryTerm
from hub_site.translation.screens import screen_urls


class GlossaryTermForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "source_locale" in self.fields:
            # Terms are nearly always of the language the site is written in.
            self.fields["source_locale"].initial = Locale.get_default().pk

    def clean_forbidden_translations(self):
        lines = self.cleaned_data.get("forbidden_translations", "").splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())

    def clean(self):
        cleaned = super().clean()
        source, target = cleaned.get("source_locale"), cleaned.get("target_locale")
        if source and target and source == target:
            self.add_error(
                "target_locale", _("The target language must differ from the source language.")
            )
        approved = cleaned.get("approved_translation", "")
        forbidden = cleaned.get("forbidden_translations", "").splitlines()
        if approved and approved.casefold() in {line.casefold() for line in forbidden}:
            self.add_error(
                "forbidden_translations",
                _("“%(term)s” is the approved translation: it cannot be forbidden as well.")
                % {"term": approved},
            )
        term = cleaned.get("source_term")
        # The database's own check is exact; "MRI" and "mri" would be the same term to the
        # guard, which matches in any case.
        if source and target and term:
            same = GlossaryTerm.objects.filter(
                source_locale=source, target_locale=target, source_term__iexact=term
            ).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error(
                    "source_term", _("This language pair already has this term in its glossary.")
                )
        return cleaned


def language_pair(term):
    return f"{term.source_locale.get_display_name()} → {term.target_locale.get_display_name()}"


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = gettext_lazy("Glossary")
    menu_order = 310
    add_to_admin_menu = True
    # Translators hold only the "view" permission, which Wagtail offers with this view.
    inspect_view_enabled = True
    list_display = [
        "source_term",
        "approved_translation",
        Column("language_pair", label=gettext_lazy("Language pair"), accessor=language_pair),
    ]
    list_filter = ["target_locale"]
    search_fields = ["source_term", "approved_translation"]
    edit_handler = ObjectList(
        [
            FieldPanel("source_locale"),
            FieldPanel("target_locale"),
            FieldPanel("source_term"),
            FieldPanel("approved_translation"),
            FieldPanel("forbidden_translations"),
            FieldPanel("notes"),
        ],
        base_form_class=GlossaryTermForm,
    )

    def get_queryset(self, request):
        return GlossaryTerm.objects.select_related("source_locale", "target_locale")


register_snippet(GlossaryTermViewSet)


# The glossary check of a translated page (by its id), and of a translated snippet (by its
# translation's id).
register_admin_urls(
    "translation/glossary/",
    screen_urls("", glossary_views.GlossaryCheckView, "glossary_check"),
    "hub_glossary",
)


@when_translation_editor_opens
def warn_of_glossary(request, obj):
    """Say which segments depart from the glossary with no reason given yet."""
    _translation, warnings = glossary_warnings_of(obj)
    segments = {warning.string_translation.pk for warning in unexplained(warnings)}
    if segments:
        messages.warning(
            request,
            _("%(count)d segment(s) depart from the glossary: give a reason or correct them.")
            % {"count": len(segments)},
            buttons=[messages.button(glossary_views.glossary_check_url(obj), _("Glossary check"))],
        )
