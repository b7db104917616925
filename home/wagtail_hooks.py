from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import personal_data_views
from home.models import SponsorshipLevel
from home.personal_data import ERASED_ACTION


class SponsorshipLevelViewSet(SnippetViewSet):
    model = SponsorshipLevel
    icon = "pick"
    menu_label = _("Sponsorship levels")
    list_display = ["name", "rank"]
    ordering = ["rank"]


register_snippet(SponsorshipLevelViewSet)


# Personal data requests (home/personal_data.py): Settings → Personal data requests.

personal_data_urls = (
    [
        path("", personal_data_views.PersonalDataView.as_view(), name="index"),
        path("erase/", personal_data_views.EraseView.as_view(), name="erase"),
    ],
    "personal_data",
)


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [path("personal-data/", include(personal_data_urls))]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return personal_data_views.may_manage_personal_data(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data requests"),
        reverse("personal_data:index"),
        name="personal-data",
        icon_name="user",
        order=650,
    )


@hooks.register("register_log_actions")
def register_personal_data_erased(actions):
    actions.register_action(
        ERASED_ACTION, _("Erase personal data"), _("Personal data erased for one email address")
    )
