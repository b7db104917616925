from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub_site.admin_hooks import register_admin_urls, register_menu_item, report_urls

# The translation editor's memory, glossary and changed-segment review register their own
# hooks, each in its module.
from hub_site.translation import (  # noqa: F401
    glossary_hooks,
    machine_views,
    memory_hooks,
    sync_hooks,
    translate_dialog,
    views,
)
from hub_site.translation.models import MachineTranslationNotice
from hub_site.translation.numbers_guard import flagged_segments_of
from hub_site.translation.screens import screen_urls
from hub_site.translation.status import may_view_translation_reports


class MachineTranslationNoticeViewSet(SnippetViewSet):
    model = MachineTranslationNotice
    icon = "info-circle"
    menu_label = _("Machine translation notice")
    list_display = ["text", "locale"]


register_snippet(MachineTranslationNoticeViewSet)


register_admin_urls(
    "translation/",
    [
        *screen_urls("numbers/", views.NumberCheckView, "number_check"),
        *report_urls("status/", views.TranslationStatusReportView, "status_report"),
        path(
            "machine/<int:translation_id>/",
            machine_views.machine_translation_status,
            name="machine_translation_status",
        ),
    ],
    "hub_translation",
)


# wagtail-localize's own URLs for its "Translate" dialog and its "Translate with …" button,
# answered first here (this app's hooks run before wagtail-localize's): the dialog offers only
# the languages in use, and the machine translation goes on the queue.
@hooks.register("register_admin_urls")
def register_localize_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_views.machine_translate,
            name="hub_machine_translate",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            translate_dialog.PageTranslationView.as_view(),
            name="hub_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translate_dialog.SnippetTranslationView.as_view(),
            name="hub_submit_snippet_translation",
        ),
    ]


register_menu_item(
    "register_reports_menu_item",
    views.TranslationStatusReportView.index_url_name,
    views.TranslationStatusReportView,
    shown_to=may_view_translation_reports,
    name="translation-status",
    order=900,
)


@hooks.register("construct_reports_menu")
def hide_localize_report_from_content_reviewers(request, menu_items):
    """wagtail-localize shows its "Translations" report to everyone; it goes with ours."""
    if may_view_translation_reports(request.user):
        return
    # By URL: the item's name is slugified from its label, in the language of the first
    # request that built the menu.
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]


class NumberCheckButton(PageMenuItem):
    label = _("Numbers check")
    icon_name = "warning"
    url_name = "hub_translation:number_check"


@hooks.register("register_page_header_buttons")
def number_check_header_button(page, user, view_name, next_url=None):
    _translation, flagged = flagged_segments_of(page)
    if flagged:
        yield NumberCheckButton(
            label=_("Numbers check (%(count)d)") % {"count": len(flagged)}, page=page, priority=11
        )


def guard_numbers(request, obj):
    """Refuse the translation editor's "Publish" while figures differ unconfirmed, and say
    so when the editor opens."""
    _translation, flagged = flagged_segments_of(obj)
    if not flagged:
        return None
    if request.method == "POST" and request.POST.get("action") == "publish":
        return views.refuse_flagged(request, obj, flagged)
    if request.method == "GET":
        messages.warning(
            request,
            _(
                "The figures in %(count)d segment(s) differ from the original; see "
                "“Numbers check”. This translation cannot be published until they are "
                "corrected or confirmed."
            )
            % {"count": len(flagged)},
            buttons=[messages.button(views.number_check_url(obj), _("Numbers check"))],
        )
    return None


# Before wagtail-localize's own before_edit_page and before_edit_snippet hooks, which render
# its translation editor and handle its "Publish" button.
hooks.register("before_edit_page", guard_numbers, order=-10)
hooks.register("before_edit_snippet", guard_numbers, order=-10)
