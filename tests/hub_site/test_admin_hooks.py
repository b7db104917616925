"""hub_site.admin_hooks: the one way this project's apps register their admin URLs, menu items
and page buttons with Wagtail."""

from types import SimpleNamespace

import pytest

from django.urls import URLResolver, path, reverse
from django.utils import translation

from wagtail import hooks
from wagtail.admin.menu import admin_menu, reports_menu, settings_menu
from wagtail.admin.ui.menus.pages import PageMenuItem

from hub_site import admin_hooks


@pytest.fixture
def registered(monkeypatch):
    """The hooks the helpers register, by name, kept out of Wagtail's own registry."""
    found = {}
    monkeypatch.setattr(
        hooks, "register", lambda hook_name, fn: found.setdefault(hook_name, []).append(fn)
    )
    return found


def a_view():
    """Stands for a view in URL patterns."""


class TitledView:
    page_title = "Some report"
    header_icon = "table"


def request_by(user):
    return SimpleNamespace(user=user)


def test_admin_urls_are_served_below_their_prefix_in_their_namespace(registered):
    patterns = [path("", a_view, name="index")]

    hook = admin_hooks.register_admin_urls("things/", patterns, "hub_things")

    assert registered == {"register_admin_urls": [hook]}
    [resolver] = hook()
    assert isinstance(resolver, URLResolver)
    assert str(resolver.pattern) == "things/"
    assert (resolver.app_name, resolver.namespace) == ("hub_things", "hub_things")
    assert resolver.url_patterns == patterns


def test_a_report_has_its_page_and_its_results_alone():
    class Report:
        @classmethod
        def as_view(cls, **initkwargs):
            return lambda request: initkwargs

    page, results = admin_hooks.report_urls("status/", Report, "status_report")

    assert (str(page.pattern), page.name, page.callback(None)) == ("status/", "status_report", {})
    assert (str(results.pattern), results.name, results.callback(None)) == (
        "status/results/",
        "status_report_results",
        {"results_only": True},
    )


def test_a_menu_item_bears_the_title_and_icon_of_the_page_it_opens(registered):
    hook = admin_hooks.register_menu_item(
        "register_reports_menu_item",
        "wagtailadmin_home",
        TitledView,
        shown_to=bool,
        name="some-report",
        order=950,
    )

    assert registered == {"register_reports_menu_item": [hook]}
    item = hook()
    assert (item.label, item.icon_name, item.url) == (
        "Some report",
        "table",
        reverse("wagtailadmin_home"),
    )
    assert (item.name, item.order) == ("some-report", 950)


def test_a_menu_item_may_be_labelled_without_a_view(registered):
    item = admin_hooks.register_menu_item(
        "register_settings_menu_item",
        "wagtailadmin_home",
        label="Things",
        icon_name="globe",
        shown_to=bool,
        name="things",
        order=10,
    )()

    assert (item.label, item.icon_name, item.name) == ("Things", "globe", "things")


def test_a_menu_item_is_shown_only_to_the_users_its_rule_admits():
    allowed, refused = SimpleNamespace(allowed=True), SimpleNamespace(allowed=False)
    item = admin_hooks.PermissionMenuItem(
        "Things", "/admin/things/", shown_to=lambda user: user.allowed, name="things"
    )

    assert item.is_shown(request_by(allowed))
    assert not item.is_shown(request_by(refused))


def test_a_page_button_is_offered_with_every_page_at_its_priority(registered):
    class Button(PageMenuItem):
        label = "Results"
        url_name = "wagtailadmin_pages:edit"

    listing = admin_hooks.register_page_button("register_page_listing_buttons", Button, 10)
    header = admin_hooks.register_page_button("register_page_header_buttons", Button, 5)
    page = SimpleNamespace(id=3)

    assert registered == {
        "register_page_listing_buttons": [listing],
        "register_page_header_buttons": [header],
    }
    # As Wagtail calls each hook: by keyword, the header's with the view's name.
    [in_listing] = listing(page=page, user=None, next_url="/admin/pages/")
    [in_header] = header(page=page, user=None, next_url=None, view_name="edit")
    assert (type(in_listing), in_listing.page, in_listing.priority) == (Button, page, 10)
    assert (type(in_header), in_header.page, in_header.priority) == (Button, page, 5)


# What the apps register through these helpers, as Wagtail builds its menus.
PROJECT_MENU_ITEMS = [
    (admin_menu, "survey-results", "Survey results", "/admin/survey-results/", "form", 710),
    (
        reports_menu,
        "certificates",
        "Certificates",
        "/admin/certification/certificates/",
        "success",
        950,
    ),
    (reports_menu, "compliance", "Compliance", "/admin/certification/compliance/", "warning", 960),
    (
        reports_menu,
        "translation-status",
        "Translation status",
        "/admin/translation/status/",
        "globe",
        900,
    ),
    (reports_menu, "language-releases", "Language releases", "/admin/releases/", "globe", 905),
    (reports_menu, "learning-outcomes", "Learning outcomes", "/admin/outcomes/", "table", 950),
    (
        settings_menu,
        "personal-data",
        "Personal data requests",
        "/admin/personal-data/",
        "user",
        650,
    ),
]


@pytest.mark.parametrize(("menu", "name", "label", "url", "icon_name", "order"), PROJECT_MENU_ITEMS)
def test_the_project_menu_items_keep_their_names_labels_urls_icons_and_order(
    menu, name, label, url, icon_name, order
):
    items = {item.name: item for item in menu.registered_menu_items}

    item = items[name]
    with translation.override("en"):
        assert (str(item.label), item.url, item.icon_name, item.order) == (
            label,
            url,
            icon_name,
            order,
        )
    assert isinstance(item, admin_hooks.PermissionMenuItem)
