from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.menus.pages import PageMenuItem

from articles.models import ArticlePage
from hub_site.admin_hooks import register_admin_urls, register_menu_item, register_page_button
from hub_site.outcomes import urls
from hub_site.outcomes.access import may_view_outcomes
from hub_site.outcomes.views import OutcomesIndexView


class OutcomesReportButton(PageMenuItem):
    """The article's report, from its header menu, for those who may see it."""

    label = _("Learning outcomes")
    icon_name = "table"
    url_name = "hub_outcomes:article"

    def is_shown(self, user):
        return issubclass(self.page.specific_class, ArticlePage) and may_view_outcomes(user)


register_admin_urls("outcomes/", urls.urlpatterns, "hub_outcomes")

register_menu_item(
    "register_reports_menu_item",
    "hub_outcomes:index",
    OutcomesIndexView,
    shown_to=may_view_outcomes,
    name="learning-outcomes",
    order=950,
)

register_page_button("register_page_header_buttons", OutcomesReportButton, priority=12)
