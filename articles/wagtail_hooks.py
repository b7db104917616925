from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import ArticleIndexPage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


register_snippet(TopicViewSet)


class ArticleListButton(PageMenuItem):
    """The article index's list of articles. Wagtail's page listing links a page's title to
    its edit form, and its children only from the arrow at the end of its row, which editors
    looking for the articles did not find."""

    label = _("Articles")
    icon_name = "folder-open-inverse"
    url_name = "wagtailadmin_explore"

    def is_shown(self, user):
        return issubclass(self.page.specific_class, ArticleIndexPage)


@hooks.register("register_page_listing_buttons")
def article_list_listing_button(page, user, next_url=None):
    yield ArticleListButton(page=page, priority=10)


@hooks.register("register_page_header_buttons")
def article_list_header_button(page, user, view_name, next_url=None):
    yield ArticleListButton(page=page, priority=5)
