from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import personal_data_views
from home.models import SponsorshipLevel
from home.personal_data import ERASED_ACTION
from hub_site.admin_hooks import register_admin_urls, register_menu_item


class SponsorshipLevelViewSet(SnippetViewSet):
    model = SponsorshipLevel
    icon = "pick"
    menu_label = _("Sponsorship levels")
    list_display = ["name", "rank"]
    ordering = ["rank"]


register_snippet(SponsorshipLevelViewSet)


# Personal data requests (home/personal_data.py): Settings → Personal data requests.

register_admin_urls(
    "personal-data/",
    [
        path("", personal_data_views.PersonalDataView.as_view(), name="index"),
        path("erase/", personal_data_views.EraseView.as_view(), name="erase"),
    ],
    "personal_data",
)

register_menu_item(
    "register_settings_menu_item",
    "personal_data:index",
    personal_data_views.PersonalDataView,
    shown_to=personal_data_views.may_manage_personal_data,
    name="personal-data",
    order=650,
)


@hooks.register("register_log_actions")
def register_personal_data_erased(actions):
    actions.register_action(
        ERASED_ACTION, _("Erase personal data"), _("Personal data erased for one email address")
    )
