from django.urls import path

from wagtail import hooks

from hub_site import admin_api, page_chooser_views


@hooks.register("construct_admin_api")
def answer_translators_about_source_pages(router):
    """Wagtail registers its pages endpoint just before this hook runs; ours replaces it
    (hub_site/admin_api.py)."""
    router.register_endpoint("pages", admin_api.PagesAdminAPIViewSet)


@hooks.register("register_admin_urls")
def register_page_chooser_urls():
    # The chooser's script adds "<parent id>/" to the first URL when a page is chosen.
    return [
        path("hub/choose-page/", page_chooser_views.choose_page, name="hub_choose_page"),
        path("hub/choose-page/<int:parent_page_id>/", page_chooser_views.choose_page),
    ]
