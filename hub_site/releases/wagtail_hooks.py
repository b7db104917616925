from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem

from hub_site.admin_hooks import register_admin_urls, register_menu_item
from hub_site.releases import holding, publishing, views


class ReleaseButton(PageMenuItem):
    label = gettext_lazy("Language release")
    icon_name = "globe"
    url_name = "hub_releases:page_release"


register_admin_urls(
    "releases/",
    [
        path("", views.release_list, name="list"),
        path("page/<int:page_id>/", views.page_release, name="page_release"),
    ],
    "hub_releases",
)

register_menu_item(
    "register_reports_menu_item",
    "hub_releases:list",
    label=gettext_lazy("Language releases"),
    icon_name="globe",
    shown_to=views.may_view_releases,
    name="language-releases",
    order=905,
)


@hooks.register("register_page_header_buttons")
def release_header_button(page, user, view_name, next_url=None):
    if (
        view_name == "edit"
        and views.may_view_releases(user)
        and holding.is_original(page)
        and (holding.translation_locale_ids(page) or holding.open_release_of(page))
    ):
        yield ReleaseButton(page=page, priority=12)


@hooks.register("register_log_actions")
def register_release_actions(actions):
    actions.register_action(
        holding.HELD,
        gettext_lazy("Held for its translations"),
        gettext_lazy("Approved, and held until its translations are approved"),
    )
    actions.register_action(
        holding.LANGUAGE_APPROVED,
        gettext_lazy("Translation approved for release"),
        gettext_lazy("A translation of the release was approved"),
    )
    actions.register_action(
        publishing.RELEASED,
        gettext_lazy("Released in every language"),
        gettext_lazy("Released with its translations"),
    )
    actions.register_action(
        publishing.RELEASED_WITHOUT_WAITING,
        gettext_lazy("Released without waiting"),
        gettext_lazy("Released without waiting for every translation (site manager, reason)"),
    )


def say_where_the_release_stands(request, page):
    """On the edit page of a page whose approved change, or translation, waits in a release."""
    if request.method != "GET":
        return None
    original = page if holding.is_original(page) else holding.original_of(page)
    release = holding.open_release_of(original) if original is not None else None
    if release is None or release.revision_id is None:
        return None
    waiting = [
        str(language.locale.get_display_name())
        for language in publishing.waiting_languages(release)
    ]
    url = reverse("hub_releases:page_release", args=(original.pk,))
    if waiting:
        text = _(
            "An approved change to the original waits to go live with its translations. "
            "Waiting for: %(languages)s."
        ) % {"languages": ", ".join(waiting)}
    else:
        text = _("Every language of the release is approved: it goes live at %(moment)s.") % {
            "moment": release.go_live_at
        }
    messages.info(request, text, buttons=[messages.button(url, _("Language release"))])
    return None


# Before wagtail-localize's own before_edit_page hook, which renders the translation editor.
hooks.register("before_edit_page", say_where_the_release_stands, order=-10)
