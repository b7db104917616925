"""Sync that keeps translators' work, and marks the segments whose source changed.

Segments whose source did not change keep their translation as it is; those whose source
changed are recorded for the translator's review (changed_segments.py), and may be prefilled
with machine translation.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import TranslationSource

from hub_site.translation import changed_segments, machine_queue


@transaction.atomic
def sync_translations(source_instance, *, user=None, locales=None, machine_translate_all=False):
    """Bring the translations of ``source_instance`` up to date with it.

    ``source_instance`` is an original page or snippet, possibly unsaved (built from a
    revision). ``locales`` (Locale objects or ids) limits the translations synced; the
    source's segments are shared by all its translations, so the others get the new text
    without their changes recorded. The translations' target objects are not touched:
    readers see nothing new until a translation is published through its review.

    With a machine translator that can translate the pair (and the setting
    ``TRANSLATION_SYNC_MACHINE_PREFILL``, on by default), the translations with changed
    segments are machine translated on the task queue once the transaction commits; with
    ``machine_translate_all`` (the sync form's "Use machine translation") every translation
    synced is. The queue acts for ``user``: with no user there is no prefill.

    Returns the Translations synced.
    """
    key, locale_id = source_instance.translation_key, source_instance.locale_id
    before = changed_segments.segments_of(key, locale_id)
    source, _created = TranslationSource.update_or_create_from_instance(source_instance)
    # wagtail-localize leaves an unchanged source alone; the sync still happened, and the
    # status report compares this date with the original's publication.
    TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=timezone.now())

    translations = source.translations.filter(enabled=True).select_related(
        "source__locale", "target_locale"
    )
    if locales is not None:
        translations = translations.filter(
            target_locale_id__in=[getattr(locale, "pk", locale) for locale in locales]
        )
    translations = list(translations)
    if not translations:
        return translations

    after = changed_segments.segments_of(key, locale_id)
    with_changes = changed_segments.record(source, translations, before, after)
    prefill = (
        translations if machine_translate_all else [t for t in translations if t.pk in with_changes]
    )
    if (
        prefill
        and user is not None
        and (machine_translate_all or getattr(settings, "TRANSLATION_SYNC_MACHINE_PREFILL", True))
    ):
        request_prefill(prefill, user)
    return translations


def request_prefill(translations, user):
    translator = get_machine_translator()
    if translator is None:
        return
    for translation in translations:
        if translator.can_translate(translation.source.locale, translation.target_locale):
            # The worker reads the new segments: only once they are committed.
            transaction.on_commit(
                partial(machine_queue.request_machine_translation, translation.pk, user)
            )


def connect():
    # The app's ready() connects the sync's receivers through this module.
    changed_segments.connect()
