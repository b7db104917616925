"""The admin API's pages endpoint, also answering translators about the source pages.

wagtail-localize's translation editor shows a synchronised page link (an article's feedback
survey and featured poll) by fetching the linked page from ``<admin>/api/main/pages/<id>/``.
The link is the source language's page, while translators may explore only their own
languages' trees (hub_site/workflows/roles.py), so Wagtail's endpoint answered them 404 and
the editor stayed on "Fetching page information…". Registered in place of Wagtail's endpoint
by hub_site/wagtail_hooks.py.
"""

from wagtail.admin.api import views
from wagtail.models import Locale, Page

# Who translates (hub_site/workflows/roles.py): site managers hold it too.
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


class PagesAdminAPIViewSet(views.PagesAdminAPIViewSet):
    def get_base_queryset(self):
        pages = super().get_base_queryset()
        # One page's details only (title, type, status, its place in the tree): what Wagtail's
        # page chooser already shows every admin user of every page. Listings, the explorer
        # menu and the actions (publish, move, delete…) keep Wagtail's explorable pages.
        if self.action == "detail_view" and self.request.user.has_perm(TRANSLATE_PERMISSION):
            return pages | Page.objects.filter(locale=Locale.get_default())
        return pages
