from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.menus.pages import PageMenuItem

from hub_site.admin_hooks import register_admin_urls, register_menu_item, register_page_button
from surveys import admin_views
from surveys.models import PollPage, SurveyPage


class PageResultsButton(PageMenuItem):
    label = _("Results")
    icon_name = "form"
    url_name = "surveys_results:page"

    def is_shown(self, user):
        return self.page.specific_class in (SurveyPage, PollPage) and (
            self.page.permissions_for_user(user).can_edit()
        )


register_admin_urls(
    "survey-results/",
    [
        path("", admin_views.ResultsIndexView.as_view(), name="index"),
        path("<int:page_id>/", admin_views.ResultsView.as_view(), name="page"),
        path("<int:page_id>/csv/", admin_views.ResultsCsvView.as_view(), name="csv"),
    ],
    "surveys_results",
)


def may_view_results(user):
    return admin_views.result_pages_for_user(user).exists()


register_menu_item(
    "register_admin_menu_item",
    "surveys_results:index",
    admin_views.ResultsIndexView,
    shown_to=may_view_results,
    name="survey-results",
    order=710,
)

register_page_button("register_page_listing_more_buttons", PageResultsButton, priority=45)
register_page_button("register_page_header_buttons", PageResultsButton, priority=45)
