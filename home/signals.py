"""Drop the cached footer disclosure the moment what it is built from changes."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.disclosure import clear_footer_cache
from home.models import SponsorshipLevel


def invalidate_footer(sender=None, instance=None, **kwargs):
    site_ids = [instance.pk] if isinstance(instance, Site) else []
    clear_footer_cache(site_ids)
    # Again after commit: a request served during the publishing transaction could have
    # cached the old data in between.
    transaction.on_commit(partial(clear_footer_cache, site_ids))


def connect():
    # Any page: the footer also lists the home page's children shown in menus.
    page_published.connect(invalidate_footer, dispatch_uid="home-footer-published")
    page_unpublished.connect(invalidate_footer, dispatch_uid="home-footer-unpublished")
    post_page_move.connect(invalidate_footer, dispatch_uid="home-footer-moved")
    # Deleting a page of any type deletes its base Page row.
    post_delete.connect(invalidate_footer, sender=Page, dispatch_uid="home-footer-page-deleted")
    for model in (SponsorshipLevel, PageViewRestriction, Site):
        uid = model._meta.label_lower
        post_save.connect(invalidate_footer, sender=model, dispatch_uid=f"home-footer-save-{uid}")
        post_delete.connect(invalidate_footer, sender=model, dispatch_uid=f"home-footer-del-{uid}")
