from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from surveys import admin_views
from surveys.models import PollPage, SurveyPage

results_urls = (
    [
        path("", admin_views.ResultsIndexView.as_view(), name="index"),
        path("<int:page_id>/", admin_views.ResultsView.as_view(), name="page"),
        path("<int:page_id>/csv/", admin_views.ResultsCsvView.as_view(), name="csv"),
    ],
    "surveys_results",
)


@hooks.register("register_admin_urls")
def register_results_urls():
    return [path("survey-results/", include(results_urls))]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.result_pages_for_user(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return ResultsMenuItem(
        _("Survey results"),
        reverse("surveys_results:index"),
        name="survey-results",
        icon_name="form",
        order=710,
    )


class PageResultsButton(PageMenuItem):
    label = _("Results")
    icon_name = "form"
    url_name = "surveys_results:page"

    def is_shown(self, user):
        return self.page.specific_class in (SurveyPage, PollPage) and (
            self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_listing_more_buttons")
def page_listing_results_button(page, user, next_url=None):
    yield PageResultsButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def page_header_results_button(page, user, view_name, next_url=None):
    yield PageResultsButton(page=page, priority=45)
