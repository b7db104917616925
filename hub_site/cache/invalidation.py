"""Purge the edge cache when anything a page shows changes.

Every page shows the funders' disclosure and menus, lists show other pages, topics and
site copy appear everywhere: rather than track which page shows what, any change purges
every live page's URLs, through Wagtail's frontend-cache backends (``WAGTAILFRONTENDCACHE``,
set in production when ``FRONTEND_CACHE_PURGE_URL`` is). On this site's scale (hundreds of
pages, changes a few times a day) that is a few hundred PURGE requests on loopback. The
changed page's own URLs are added, since an unpublished or deleted page is no longer live.
Purges run after the commit, so no reader request re-caches the old content in between.

Poll results and "you have answered" notices are not purged: they are shown only to
readers with a session, whom the edge never answers (deploy/nginx.conf).
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models


def purge_all_pages(changed_page_urls=()):
    batch = PurgeBatch(changed_page_urls)
    batch.add_pages(Page.objects.live().public().exclude(depth=1).specific(defer=True))
    batch.purge()


def on_page_change(sender=None, instance=None, **kwargs):
    batch = PurgeBatch()
    try:
        batch.add_page(instance)
    except ObjectDoesNotExist:  # a deleted page's specific row is already gone
        batch.add_url(Page.get_full_url(instance))
    changed_page_urls = {url for url in batch.urls if url}
    transaction.on_commit(lambda: purge_all_pages(changed_page_urls))


@cache
def shown_models():
    """Models whose rows pages show: snippets, site settings, view restrictions, sites."""
    site_settings = {m for m in apps.get_models() if issubclass(m, BaseSiteSetting)}
    return frozenset({PageViewRestriction, Site, *get_snippet_models(), *site_settings})


def on_row_change(sender, **kwargs):
    if sender in shown_models():
        transaction.on_commit(purge_all_pages)


def connect():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    page_published.connect(on_page_change, dispatch_uid="hub-cache-published")
    page_unpublished.connect(on_page_change, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="hub-cache-moved")
    # Deleting a page of any type deletes its base Page row.
    post_delete.connect(on_page_change, sender=Page, dispatch_uid="hub-cache-page-deleted")
    post_save.connect(on_row_change, dispatch_uid="hub-cache-saved")
    post_delete.connect(on_row_change, dispatch_uid="hub-cache-deleted")
