"""A page chooser that opens where pages of its types live in the editor's language.

Wagtail's page chooser opens at the parent of the page already chosen or, with nothing
chosen, at the first common ancestor of every page of the allowed types
(wagtail/admin/views/chooser.py, ``BrowseView``). Each language has its own tree under the
root, so as soon as two languages have a survey, that ancestor is the root, and editors had
to find the home page first (wagtail/wagtail#11573). This chooser's first view
(hub_site/page_chooser_views.py) looks in the admin's active locale only, as Wagtail's own
view does when it lists the root's children; inside the chooser, everything is Wagtail's.
"""

from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser


class LocalePageChooser(AdminPageChooser):
    """Wagtail's page chooser widget, opening through ``page_chooser_views.choose_page`` (its
    URLs: hub_site/wagtail_hooks.py). The widget's script adds the current choice's parent
    to the URL, which the second URL takes."""

    chooser_modal_url_name = "hub_choose_page"


class LocalePageChooserPanel(PageChooserPanel):
    """PageChooserPanel with ``LocalePageChooser``: give it the page types it may choose."""

    def get_form_options(self):
        options = super().get_form_options()
        options.setdefault("widgets", {})[self.field_name] = LocalePageChooser(
            target_models=self.page_type, can_choose_root=self.can_choose_root
        )
        return options
