"""Retire cached pages when anything a page shows changes, at both layers.

Every page shows the funders' disclosure and menus, lists show other pages, topics and
site copy appear everywhere: rather than track which page shows what, a change retires
every page.

- **The app cache** (hub_site.cache.pages): the site-wide generation is bumped on every
  publish, unpublish, move or deletion of a page and on every saved or deleted row,
  except the rows readers and the CMS write that no reader page shows (sessions, survey
  answers and poll votes, image renditions, log entries…). It is bumped at once and
  again after the commit: the first keeps readers of this process from a stale copy while
  the transaction is open, the second retires any copy rendered from the old rows
  meanwhile.
- **The edge** (nginx, a CDN): every live page's URLs are purged through Wagtail's
  frontend-cache backends (``WAGTAILFRONTENDCACHE``, set in production when
  ``FRONTEND_CACHE_PURGE_URL`` is) after the commit, on publishing, unpublishing, moving
  or deleting a page, and on saving snippets, site settings, sites and view
  restrictions. On this site's scale (hundreds of pages, changes a few times a day) that
  is a few hundred PURGE requests on loopback. The changed page's own URLs are added,
  since an unpublished or deleted page is no longer live.

Poll votes retire nothing: results are shown only to readers who voted (they have a
session, and no cache answers them) or once the poll has closed (and then no vote is
taken). The moment a poll opens or closes bounds the cached copies' lifetime instead
(hub_site.cache.freshness).
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from hub_site.cache.pages import bump_generation

# Rows written by readers, by rendering, or by the CMS for itself, that no reader page
# shows: saving them retires no cached page.
NOT_SHOWN_APPS = frozenset({"sessions", "axes", "admin"})
NOT_SHOWN_MODELS = frozenset(
    {
        "surveys.PollVote",
        "surveys.SurveyResponse",
        "wagtailforms.FormSubmission",
        "wagtailembeds.Embed",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailcore.ReferenceIndex",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.PageSubscription",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "wagtailusers.UserProfile",
        "auth.User",
        "wagtail_localize.TranslationLog",
    }
)


def retire_app_copies():
    bump_generation()
    transaction.on_commit(bump_generation)


@cache
def changes_reader_pages(model):
    if model._meta.app_label in NOT_SHOWN_APPS or model._meta.label in NOT_SHOWN_MODELS:
        return False
    return not issubclass(model, AbstractRendition)


def purges_edge():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_all_pages(changed_page_urls=()):
    batch = PurgeBatch(changed_page_urls)
    batch.add_pages(Page.objects.live().public().exclude(depth=1).specific(defer=True))
    batch.purge()


def on_page_change(sender=None, instance=None, **kwargs):
    retire_app_copies()
    if not purges_edge():
        return
    batch = PurgeBatch()
    try:
        batch.add_page(instance)
    except ObjectDoesNotExist:  # a deleted page's specific row is already gone
        batch.add_url(Page.get_full_url(instance))
    changed_page_urls = {url for url in batch.urls if url}
    transaction.on_commit(lambda: purge_all_pages(changed_page_urls))


@cache
def purged_models():
    """Models whose rows pages show: snippets, site settings, view restrictions, sites."""
    site_settings = {m for m in apps.get_models() if issubclass(m, BaseSiteSetting)}
    return frozenset({PageViewRestriction, Site, *get_snippet_models(), *site_settings})


def on_row_change(sender, created=False, **kwargs):
    # Site settings are created with their defaults on first read, while a page renders:
    # what that page shows does not change.
    if created and issubclass(sender, BaseSiteSetting):
        return
    if changes_reader_pages(sender):
        retire_app_copies()
    if purges_edge() and sender in purged_models():
        transaction.on_commit(purge_all_pages)


def connect():
    page_published.connect(on_page_change, dispatch_uid="hub-cache-published")
    page_unpublished.connect(on_page_change, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="hub-cache-moved")
    # Deleting a page of any type deletes its base Page row.
    post_delete.connect(on_page_change, sender=Page, dispatch_uid="hub-cache-page-deleted")
    post_save.connect(on_row_change, dispatch_uid="hub-cache-saved")
    post_delete.connect(on_row_change, dispatch_uid="hub-cache-deleted")
