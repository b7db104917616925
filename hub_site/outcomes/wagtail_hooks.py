from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from articles.models import ArticlePage
from hub_site.outcomes import urls
from hub_site.outcomes.access import may_view_outcomes


@hooks.register("register_admin_urls")
def register_outcomes_urls():
    return [path("outcomes/", include(urls, namespace="hub_outcomes"))]


class OutcomesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_outcomes(request.user)


@hooks.register("register_reports_menu_item")
def register_outcomes_menu_item():
    return OutcomesMenuItem(
        _("Learning outcomes"),
        reverse("hub_outcomes:index"),
        name="learning-outcomes",
        icon_name="table",
        order=950,
    )


class OutcomesReportButton(PageMenuItem):
    label = _("Learning outcomes")
    icon_name = "table"
    url_name = "hub_outcomes:article"


@hooks.register("register_page_header_buttons")
def outcomes_header_button(page, user, view_name, next_url=None):
    """The article's report, from its header menu, for those who may see it."""
    if issubclass(page.specific_class, ArticlePage) and may_view_outcomes(user):
        yield OutcomesReportButton(page=page, priority=12)
