"""No page goes live, or is scheduled to, without a certificate for the revision.

Wagtail publishes through several doors (the editor's buttons, bulk actions, revert, copy,
scheduled publishing, wagtail-localize's publish and sync, code). Rather than guard each,
these receivers sit where all of them pass: the page row being saved with a new live
revision, and a revision being approved for a future go-live. The admin's doors are
also closed earlier with a clear message (wagtail_hooks.py); this is the last line.
"""

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.utils.translation import gettext as _

from wagtail.models import Page, Revision
from wagtail.signals import page_published

from hub_site.certification.issue import record_published_html
from hub_site.certification.models import Certificate


class PublicationRefused(PermissionDenied):
    pass


def refusal_message():
    return _(
        "Only certified content goes live: submit it for review. Publication happens when "
        "the last reviewer approves."
    )


def is_certified(revision_id):
    return Certificate.objects.filter(revision_id=revision_id).exists()


def refuse_uncertified_page(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or not instance.live:
        return
    if instance.live_revision_id is None:
        return  # a page row created live without content history (fixtures, the tree root)
    if update_fields is not None and not {"live_revision", "live_revision_id"} & set(update_fields):
        return
    if instance.pk is not None:
        stored = Page.objects.filter(pk=instance.pk).values_list("live", "live_revision_id").first()
        if stored == (True, instance.live_revision_id):
            return
    if not is_certified(instance.live_revision_id):
        raise PublicationRefused(refusal_message())


def refuse_uncertified_schedule(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.approved_go_live_at is None:
        return
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return
    if instance.content_type.model_class() is None or not issubclass(
        instance.base_content_type.model_class(), Page
    ):
        return
    if not is_certified(instance.pk):
        raise PublicationRefused(refusal_message())


def keep_published_html(sender, instance, revision=None, **kwargs):
    if revision is not None:
        record_published_html(instance, revision)


def connect():
    pre_save.connect(refuse_uncertified_page, dispatch_uid="hub-certification-page")
    pre_save.connect(
        refuse_uncertified_schedule, sender=Revision, dispatch_uid="hub-certification-schedule"
    )
    page_published.connect(keep_published_html, dispatch_uid="hub-certification-html")
