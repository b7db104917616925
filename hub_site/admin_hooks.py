"""The admin screens of this project's apps, registered with Wagtail in one call each: their URLs,
their menu items and their page buttons.

Each function registers one Wagtail hook, at the point of its call in the app's
``wagtail_hooks``, exactly as a hand-written hook function would; it returns that function.
"""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem


def register_admin_urls(prefix, urlpatterns, namespace):
    """Serve ``urlpatterns`` in the admin below ``prefix``, their names in ``namespace``."""

    def admin_urls():
        return [path(prefix, include((urlpatterns, namespace)))]

    hooks.register("register_admin_urls", admin_urls)
    return admin_urls


def report_urls(route, view_class, name):
    """The two URLs of a Wagtail ``ReportView``: its page, and its results alone, which its
    filters fetch (named ``<name>_results``)."""
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to the users ``shown_to(user)`` admits."""

    def __init__(self, label, url, *, shown_to, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


def register_menu_item(
    hook_name, url_name, view=None, *, shown_to, name, order, label=None, icon_name=None
):
    """Add an item linking to the admin view ``url_name`` to the menu of ``hook_name``
    (``register_admin_menu_item``, ``register_reports_menu_item`` or
    ``register_settings_menu_item``), shown only to the users ``shown_to(user)`` admits.

    The item bears the title and icon that head the page it opens: the ``page_title`` and
    ``header_icon`` of ``view``, its class, unless ``label`` and ``icon_name`` are given.
    ``name`` is given rather than slugified from the label, as Wagtail would do it: in the
    language of the first request that builds the menu.
    """
    if label is None:
        label = view.page_title
    if icon_name is None:
        icon_name = view.header_icon

    def menu_item():
        # Wagtail asks once, as it first builds the menu: the URLs are all known by then.
        return PermissionMenuItem(
            label, reverse(url_name), shown_to=shown_to, name=name, icon_name=icon_name, order=order
        )

    hooks.register(hook_name, menu_item)
    return menu_item


def register_page_button(hook_name, button_class, priority):
    """Offer a button of ``button_class``, a ``PageMenuItem``, with every page in the place
    ``hook_name`` names: ``register_page_listing_buttons``, ``register_page_listing_more_buttons``
    or ``register_page_header_buttons``. Wagtail shows it where its ``is_shown(user)`` says so.
    """

    def page_buttons(page, user, next_url=None, view_name=None):
        yield button_class(page=page, priority=priority)

    hooks.register(hook_name, page_buttons)
    return page_buttons
