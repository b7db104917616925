"""Retire cached pages when anything a page shows changes, at both layers.

Every page shows the funders' disclosure and menus, lists show other pages, topics and
site copy appear everywhere: rather than track which page shows what, a change retires
every page. One rule says what a change is, for both layers (``shows_on_reader_pages``):
publishing, unpublishing, moving or deleting a page, and saving or deleting any row
except those readers and the CMS write that no reader page shows (sessions, answers and
votes, image renditions, revisions and workflow states, translation work in progress,
log entries, staff devices…). Images and documents count: a replaced image's old
renditions are deleted, and a page kept anywhere would point at them.

- **The app cache** (hub_site.cache.pages): the site-wide generation is bumped at once and
  again after the commit: the first keeps readers of this process from a stale copy while
  the transaction is open, the second retires any copy rendered from the old rows
  meanwhile. Saving a page's draft writes its page row too, and retires copies needlessly
  but harmlessly.
- **The edge** (nginx, a CDN): every live page's URLs are purged through Wagtail's
  frontend-cache backends (``WAGTAILFRONTENDCACHE``, set in production when
  ``FRONTEND_CACHE_PURGE_URL`` is), once per transaction, after the commit. Page rows are
  left to Wagtail's page signals, so that saving a draft purges nothing; the changed
  page's own URLs are added, since an unpublished or deleted page is no longer live. On
  this site's scale (hundreds of pages, changes a few times a day) that is a few hundred
  PURGE requests on loopback. The same purge is sent again ``EDGE_REPURGE_SECONDS``
  later, for responses of the old content still in flight the first time.

Poll votes retire nothing: results are shown only to readers who voted (they have a
session, and no cache answers them) or once the poll has closed (and then no vote is
taken). The moment a poll opens or closes bounds the cached copies' lifetime instead
(hub_site.cache.freshness).
"""

import threading
from functools import cache

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from hub_site.cache.generation import bump as bump_generation

# Rows written by readers, by rendering, or by the CMS for itself, that no reader page
# shows: saving them retires no cached page, at either layer. Anything not listed does.
NOT_SHOWN_APPS = frozenset(
    {
        "sessions",
        "axes",
        "contenttypes",
        # Staff second factors (django-otp).
        "otp_static",
        "otp_totp",
        # Tags of images and documents, shown only in the admin.
        "taggit",
        # Translation work in progress: readers see a translation once it is published
        # (a page signal) or saved (a translated snippet's own row).
        "wagtail_localize",
    }
)
NOT_SHOWN_MODELS = frozenset(
    {
        "auth.User",
        "auth.Group",
        "auth.Permission",
        "home.PersonalDataErasure",
        "hub_translation.NumberCheckConfirmation",
        "hub_workflows.FourEyesApprovalTask",
        "surveys.PollVote",
        "surveys.SurveyResponse",
        # Counts kept when old answers are purged: results' totals stay the same.
        "surveys.PollVoteTally",
        "surveys.SurveyAnswerTally",
        "surveys.SurveyResponseTally",
        "wagtailforms.FormSubmission",
        "wagtailembeds.Embed",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailcore.APIToken",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.GroupApprovalTask",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.GroupSitePermission",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.PageSubscription",
        "wagtailcore.ReferenceIndex",
        # Drafts and moderation: readers see a page's content once it is published.
        "wagtailcore.Revision",
        "wagtailcore.Task",
        "wagtailcore.TaskState",
        "wagtailcore.UploadedFile",
        "wagtailcore.Workflow",
        "wagtailcore.WorkflowContentType",
        "wagtailcore.WorkflowPage",
        "wagtailcore.WorkflowState",
        "wagtailcore.WorkflowTask",
        "wagtailadmin.Admin",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "wagtailusers.UserProfile",
    }
)


@cache
def shows_on_reader_pages(model):
    if model._meta.app_label in NOT_SHOWN_APPS or model._meta.label in NOT_SHOWN_MODELS:
        return False
    return not issubclass(model, AbstractRendition)


def retire_app_copies():
    bump_generation()
    transaction.on_commit(bump_generation)


def purges_edge():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_all_pages(changed_page_urls=()):
    batch = PurgeBatch(changed_page_urls)
    batch.add_pages(Page.objects.live().public().exclude(depth=1).specific(defer=True))
    batch.purge()
    purge_again_later(batch)


def purge_again_later(batch):
    """Send the purge again after ``EDGE_REPURGE_SECONDS``.

    A response rendered from the old rows may still be on its way to the edge when the
    first purge arrives (its render began before the change; or it came from an app
    server whose copies the change has not reached yet, at most
    ``generation.TRUST_SECONDS`` later), and the edge would keep it for its whole
    lifetime. The second purge removes it.
    """
    delay = settings.EDGE_REPURGE_SECONDS
    if delay <= 0 or not batch.urls:
        return
    # The backends of now: the timer runs after this request, outside any settings it had.
    backend_settings = dict(settings.WAGTAILFRONTENDCACHE)
    timer = threading.Timer(delay, batch.purge, kwargs={"backend_settings": backend_settings})
    # Not a daemon: a command that publishes and exits (publish_scheduled) waits for it.
    timer.start()


def purge_edge_after_commit():
    """Purge every page once the transaction commits; once, however many rows it saved."""
    connection = transaction.get_connection()
    # Callbacks waiting for this transaction's commit (Django's list; empty in autocommit,
    # where on_commit runs at once).
    if any(callback is purge_all_pages for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(purge_all_pages)


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


def on_row_change(sender, created=False, **kwargs):
    # Site settings are created with their defaults on first read, while a page renders:
    # what that page shows does not change.
    if created and issubclass(sender, BaseSiteSetting):
        return
    if not shows_on_reader_pages(sender):
        return
    retire_app_copies()
    # A page's row is saved with each draft too: its publication is what the page
    # signals purge.
    if purges_edge() and not issubclass(sender, Page):
        purge_edge_after_commit()


def connect():
    page_published.connect(on_page_change, dispatch_uid="hub-cache-published")
    page_unpublished.connect(on_page_change, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="hub-cache-moved")
    # Deleting a page of any type deletes its base Page row.
    post_delete.connect(on_page_change, sender=Page, dispatch_uid="hub-cache-page-deleted")
    post_save.connect(on_row_change, dispatch_uid="hub-cache-saved")
    post_delete.connect(on_row_change, dispatch_uid="hub-cache-deleted")
