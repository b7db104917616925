from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.forms import ContributorForm
from articles.models import ArticleIndexPage, Contributor, Programme, Topic
from hub_site.admin_hooks import register_page_button


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


register_snippet(TopicViewSet)


class ContributorViewSet(SnippetViewSet):
    """Authors, reviewers and experts with their disclosures, next to Topics; translated
    with wagtail-localize's Translate action like the topics."""

    model = Contributor
    icon = "user"
    menu_label = _("Contributors")
    menu_order = 301
    add_to_admin_menu = True
    list_display = [
        "name",
        "credentials",
        "role",
        Column(
            "disclosure_state",
            label=_("Disclosure"),
            accessor=lambda contributor: contributor.disclosure_state().label,
        ),
        "disclosure_confirmed_on",
    ]
    list_filter = ["role", "nothing_to_disclose"]
    search_fields = ["name", "credentials", "affiliation"]
    edit_handler = ObjectList(Contributor.panels, base_form_class=ContributorForm)

    def get_queryset(self, request):
        # The disclosure column reads each contributor's relationships.
        return Contributor.objects.prefetch_related("relationships")


register_snippet(ContributorViewSet)


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "pick"
    menu_label = _("Funded programmes")
    menu_order = 302
    add_to_admin_menu = True
    list_display = ["name", "grant_reference"]
    search_fields = ["name", "grant_reference"]


register_snippet(ProgrammeViewSet)


class ArticleListButton(PageMenuItem):
    """The article index's list of articles. Wagtail's page listing links a page's title to
    its edit form, and its children only from the arrow at the end of its row, which editors
    looking for the articles did not find."""

    label = _("Articles")
    icon_name = "folder-open-inverse"
    url_name = "wagtailadmin_explore"

    def is_shown(self, user):
        return issubclass(self.page.specific_class, ArticleIndexPage)


register_page_button("register_page_listing_buttons", ArticleListButton, priority=10)
register_page_button("register_page_header_buttons", ArticleListButton, priority=5)
