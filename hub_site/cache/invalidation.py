"""Retire the cached pages a change touches, at both layers, once the change commits.

What a change touches (``hub_site.cache.dependencies``):

- publishing a page: the pages that showed it; and, if its place in lists may have
  changed, the lists it is in (its ancestors' listings, the related articles of its topics);
- withdrawing, moving or deleting a page: the same, lists included;
- saving or deleting any other row readers see (an image, a topic, a survey's snippet): the
  pages that showed that row;
- something every page shows (site settings, sites, locales, the footer's funders and menu
  pages, a page with subpages moved or withdrawn): every page.

Each transaction's touches are gathered and retired once, after the commit. The index
(``hub_site.cache.index``) gives the URLs of the pages that showed the touched tags; those
copies are deleted from the app's cache and purged at the edge (``hub_site.cache.edge``).
Every page is retired in constant work: the page cache's generation is bumped, and the
edge starts a new namespace. When the index names more than ``CACHE_RETIRE_ALL_ABOVE``
URLs, or cannot be read, everything is retired the same way.

Saving a page's draft writes its page row and touches nothing: readers see a page's
content once it is published (a page signal). Poll votes touch nothing: results are
shown only to readers who voted (their part of the page is their own) or once the poll
has closed (and then no vote is taken); the moment a poll opens or closes bounds the
cached copies' lifetime instead (hub_site.freshness).
"""

import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from hub_site import shown
from hub_site.cache import edge as edge_cache
from hub_site.cache import generation, index, pages
from hub_site.cache.dependencies import (
    is_site_wide,
    linked_tags,
    list_anchors,
    shows_on_reader_pages,
)

logger = logging.getLogger(__name__)

# Pages whose place in lists was noted before a full save, waiting for their publication.
MAX_NOTED_BEFORE = 1000


class Pending(threading.local):
    def __init__(self):
        self.tags = set()
        self.everything = False
        # A page's place in lists before this transaction changed it: {pk: (live, anchors)}.
        self.before = {}


_pending = Pending()


def touch(tags=(), everything=False):
    """Retire what showed ``tags`` (or every page): in the app's cache at once, and at both
    layers once the current transaction commits.

    At once, so that this process shows the change to the editor who made it while the
    transaction is open; again after the commit, for copies rendered from the old rows
    meanwhile.
    """
    retire(tags, everything, edge=False)
    _pending.tags.update(tags)
    _pending.everything = _pending.everything or everything
    # Every touch asks; the first callback to run retires all that is pending, the others
    # find nothing. (Outside a transaction it runs at once.)
    transaction.on_commit(flush)


def forget_pending():
    """Drop the touches waiting for a commit (tests: their transactions never commit)."""
    _pending.tags, _pending.everything, _pending.before = set(), False, {}


def flush():
    tags, everything = _pending.tags, _pending.everything
    _pending.tags, _pending.everything = set(), False
    if tags or everything:
        retire(tags, everything)


def retire(tags, everything=False, edge=True):
    if everything:
        retire_everything(edge)
        return
    # The sequence moves first: a page rendering now is not kept if it could have read the
    # old rows (hub_site.cache.pages), whether or not the index below lists it yet.
    generation.advance()
    current = generation.current()
    try:
        if index.index().count(current, tags) > settings.CACHE_RETIRE_ALL_ABOVE:
            retire_everything(edge)
            return
        urls = index.index().urls(current, tags)
    except index.IndexUnavailable as error:
        logger.warning("the index of cached pages is unavailable (%s): retiring every page", error)
        retire_everything(edge)
        return
    pages.delete_copies(current, urls)
    if edge:
        edge_cache.purge(urls)


def retire_everything(edge=True):
    generation.bump()
    if edge:
        edge_cache.purge_everything()


def list_tags(anchors):
    return {f"list:{anchor}" for anchor in anchors}


def is_site_wide_page(page):
    return page.show_in_menus or is_site_wide(page.specific_class or type(page))


def before_page_save(sender, instance, update_fields=None, **kwargs):
    """Note a page's place in lists before a full save (publication) changes it.

    Saving a draft passes ``update_fields`` and changes nothing readers see.
    """
    if update_fields is not None or instance.pk is None:
        return
    old = type(instance).objects.filter(pk=instance.pk).first()
    if old is None:
        return
    if len(_pending.before) >= MAX_NOTED_BEFORE:  # full saves that published nothing
        _pending.before.clear()
    _pending.before[instance.pk] = (old.live, old.show_in_menus, list_anchors(old))


def on_page_published(sender, instance, **kwargs):
    before = _pending.before.pop(instance.pk, None)
    if is_site_wide_page(instance) or (before is not None and before[1]):
        touch(everything=True)
        return
    tags = {shown.tag_for(instance)}
    anchors = list_anchors(instance)
    if before is None or not before[0] or before[2] != anchors:
        tags |= list_tags(anchors | (before[2] if before else set()))
    touch(tags)


def on_page_withdrawn(sender, instance, **kwargs):
    """A page left its lists (or, created live, joined them): they and it are retired."""
    if is_site_wide_page(instance) or instance.numchild:
        touch(everything=True)
        return
    touch({shown.tag_for(instance), *list_tags(list_anchors(instance))})


def on_page_moved(sender, instance, parent_page_before=None, **kwargs):
    if is_site_wide_page(instance) or instance.numchild:
        touch(everything=True)
        return
    old_ancestors = set()
    if parent_page_before is not None:
        old_ancestors = {
            f"page:{pk}"
            for pk in Page.objects.ancestor_of(parent_page_before, inclusive=True).values_list(
                "pk", flat=True
            )
        }
    touch({shown.tag_for(instance), *list_tags(list_anchors(instance) | old_ancestors)})


def on_page_deleted(sender, instance, **kwargs):
    # Deleting a page of any type deletes its base Page row; its specific row is gone.
    if instance.numchild or instance.show_in_menus:
        touch(everything=True)
        return
    ancestors = {
        f"page:{pk}"
        for pk in Page.objects.filter(
            path__in=[
                instance.path[:end] for end in range(Page.steplen, len(instance.path), Page.steplen)
            ]
        ).values_list("pk", flat=True)
    }
    page_type = instance.specific_class or Page
    if is_site_wide(page_type):
        touch(everything=True)
        return
    touch({shown.tag_for(instance), *list_tags(ancestors | {shown.tag_for(page_type)})})


def on_row_change(sender, instance=None, created=False, raw=False, **kwargs):
    if raw:
        # Rows loaded as they are (loaddata, a restored database) come in no useful order:
        # the rows this one points to may not be there yet to say what it shows.
        touch(everything=True)
        return
    if issubclass(sender, Page):
        # A page's row is saved with each draft too: its page signals say what changed,
        # but a page created live (by code: an import, a copy) sends none.
        if created and instance.live:
            on_page_withdrawn(sender, instance)  # the same lists, which now hold it
        return
    if not shows_on_reader_pages(sender):
        return
    if is_site_wide(sender):
        # Site settings are created with their defaults on first read, while a page
        # renders: what that page shows does not change.
        if not created:
            touch(everything=True)
        return
    tags = {shown.tag_for(instance)}
    if created or kwargs.get("signal") is post_delete:
        # A row joins (or leaves) the lists of its type and of the rows it links to.
        tags.add(shown.list_tag(sender))
        tags |= list_tags(linked_tags(instance))
    touch(tags)


def connect():
    pre_save.connect(before_page_save_receiver, dispatch_uid="hub-cache-before-page-save")
    page_published.connect(on_page_published, dispatch_uid="hub-cache-published")
    page_unpublished.connect(on_page_withdrawn, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="hub-cache-moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="hub-cache-page-deleted")
    post_save.connect(on_row_change, dispatch_uid="hub-cache-saved")
    post_delete.connect(on_row_change, dispatch_uid="hub-cache-deleted")


def before_page_save_receiver(sender, **kwargs):
    if issubclass(sender, Page):
        before_page_save(sender, **kwargs)
