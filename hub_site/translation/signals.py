"""Receivers that hold a translation's published state to its text.

- The numbers guard's last line: whatever publishes a translated page or snippet (the
  translation editor, wagtail-localize's sync with "publish", a revision published in
  code), its row is saved live, or with a new live revision; the save is refused while
  figures differ from the original's unconfirmed. The admin's doors say so earlier, with
  a way forward (wagtail_hooks.py).
- Whether a translated page's revision holds machine-translated text is kept with the
  revision, so the notice readers see follows what was published (machine_notice.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save, pre_save

from wagtail.models import DraftStateMixin, Locale, Page, Revision, TranslatableMixin
from wagtail.signals import page_published

from hub_site.translation.approval import unconfirmed_figures_message
from hub_site.translation.machine_notice import record_machine_text
from hub_site.translation.numbers_guard import flagged_segments, translation_of


class UnconfirmedFigures(PermissionDenied):
    pass


def goes_live(instance, update_fields):
    """Whether this save publishes: a new live revision, or a row made or turned live.

    wagtail-localize publishes a translated snippet by saving its row live with the new
    text first, and publishing the revision once the transaction commits: refused at the
    first save, nothing of it is kept.
    """
    if not instance.live:
        return False
    if update_fields is not None and not {"live", "live_revision", "live_revision_id"} & set(
        update_fields
    ):
        return False
    if instance.pk is None:
        return True
    stored = (
        type(instance)
        ._base_manager.filter(pk=instance.pk)
        .values_list("live", "live_revision_id")
        .first()
    )
    if stored is None:
        return True
    was_live, live_revision_id = stored
    return not was_live or (
        instance.live_revision_id is not None and instance.live_revision_id != live_revision_id
    )


def refuse_unconfirmed_figures(sender, instance, raw=False, update_fields=None, **kwargs):
    # Pages, and snippets that are both translatable and published (DraftStateMixin).
    if (
        raw
        or not isinstance(instance, TranslatableMixin)
        or not isinstance(instance, DraftStateMixin)
    ):
        return
    if not goes_live(instance, update_fields):
        return
    translation = translation_of(instance)
    if translation is None:
        return
    flagged = flagged_segments(translation)
    if flagged:
        raise UnconfirmedFigures(unconfirmed_figures_message(flagged))


def record_new_page_revision(sender, instance, created, raw=False, **kwargs):
    """wagtail-localize makes a translated page's revision from the strings as they are at
    that moment; a later draft edit of a string does not change the revision."""
    if raw or not created:
        return
    if instance.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    locale_id = instance.content.get("locale")
    if locale_id is None or locale_id == Locale.get_default().pk:
        return
    record_machine_text(instance, locale_id, instance.content.get("translation_key"))


def record_published_page_revision(sender, instance, revision=None, **kwargs):
    """A revision made before revisions were recorded is judged when it is published."""
    if revision is None or instance.locale_id == Locale.get_default().pk:
        return
    record_machine_text(revision, instance.locale_id, instance.translation_key)


def connect():
    pre_save.connect(refuse_unconfirmed_figures, dispatch_uid="hub-translation-figures")
    post_save.connect(
        record_new_page_revision, sender=Revision, dispatch_uid="hub-translation-machine-text"
    )
    page_published.connect(
        record_published_page_revision, dispatch_uid="hub-translation-machine-text-published"
    )
