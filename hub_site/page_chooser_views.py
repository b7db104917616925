"""The first view of ``hub_site.page_chooser``'s chooser: Wagtail's, at a better page.

Apart from the widget's module: Wagtail's admin views cannot be imported while models load.
"""

from wagtail.admin.views.chooser import BrowseView, page_models_from_string
from wagtail.models import Locale, Page

browse = BrowseView.as_view()


def choose_page(request, parent_page_id=None):
    """Wagtail's chooser view, at the page the widget names (the current choice's parent) or
    else where pages of the ``page_type`` asked for live in the active locale."""
    if parent_page_id is None:
        parent_page_id = _where_they_live(request.GET.get("page_type", ""))
    return browse(request, parent_page_id=parent_page_id)


def _where_they_live(page_type):
    """The first common ancestor of the active locale's pages of these types, or None for
    Wagtail's own choice (no such page, any type of page, or a type it will refuse)."""
    try:
        models = page_models_from_string(page_type)
    except (ValueError, LookupError):
        return None
    if models == (Page,):
        return None
    pages = Page.objects.type(*models).filter(locale=Locale.get_active())
    if not pages.exists():
        return None
    ancestor = pages.first_common_ancestor()
    return None if ancestor.is_root() else ancestor.pk
