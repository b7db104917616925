"""Machine translation of a published page for a reader, made on the server.

A reader of a page that has no published human translation in their language may ask for
a machine translation of it (the seed page's "TRANSLATE" menu). The page's text is
extracted with wagtail-localize's segment machinery from its live revision, translated in
one batch by the configured machine translator, put back into an unsaved copy of the page
and rendered with the page's own template. Only the translated strings are cached (per page,
live revision and language): everything that belongs to one reader (their survey state, the
CSRF token) is rendered afresh on every request.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from hub_site.languages.versions import language_versions
from hub_site.translation.machine import MachineTranslationUnavailable, libretranslate_code

logger = logging.getLogger(__name__)

# Translated strings belong to one live revision: a new publication makes a new key.
CACHE_SECONDS = 7 * 24 * 60 * 60
# The view marks the request it renders, so the page's template knows (menu, notice, robots).
REQUEST_ATTRIBUTE = "reader_machine_translation"
# Page fields that are not text a reader reads.
UNTRANSLATED_FIELDS = frozenset({"slug"})


@dataclass(frozen=True)
class ReaderMachineTranslation:
    """What the request being rendered is: a machine translation into ``language``."""

    language: str
    source_language: str
    failed: bool = False


def machine_translator():
    """The configured machine translator, or ``None`` when no service is configured."""
    return get_machine_translator()


def offered_languages(translator, source_language):
    """The site's languages the translator can translate ``source_language`` into.

    A translator that can list its languages (our LibreTranslate one) is asked, and
    ``None`` means it could not say (the service is down). DeepL and Google translate
    between every language this site is configured for, so for them the answer is the
    configured content languages.
    """
    configured = [code for code, _name in settings.LANGUAGES if code != source_language]
    list_languages = getattr(translator, "languages", None)
    if list_languages is None:
        return configured
    listed = list_languages()
    if not listed:
        return None
    source = libretranslate_code(source_language)
    targets = listed.get(source, set())
    return [
        code
        for code in configured
        if libretranslate_code(code) in targets and libretranslate_code(code) != source
    ]


def menu_languages(request, page):
    """Languages the reader may ask a machine translation of ``page`` in.

    Those the translator offers, minus those in which the page has a published human
    translation (the language switcher leads there). Empty without a translator.
    """
    translator = machine_translator()
    if translator is None or page is None or not getattr(page, "live", False):
        return []
    offered = offered_languages(translator, page.locale.language_code) or []
    human = {version.language_code for version in language_versions(request, page)}
    return [code for code in offered if code not in human]


def machine_translation_url(page, language):
    """The reader URL of ``page`` machine-translated into ``language``."""
    with translation.override(language):
        return reverse("hub_translation_reader:page", args=(page.pk,))


def current_reader_translation(request):
    """The machine translation the request is rendering, or ``None``."""
    return getattr(request, REQUEST_ATTRIBUTE, None)


def reader_language_for(request, page):
    """The language a form on ``page`` is read in when it differs from the page's own.

    Survey and poll forms carry it so answers are stored with the language the reader
    actually read; blank on the page's own language.
    """
    current = current_reader_translation(request)
    if current is None or current.failed or current.language == page.locale.language_code:
        return ""
    return current.language


def _translate_texts(translator, source_language, target_language, texts):
    """Translated texts, in order; raises MachineTranslationUnavailable on any failure."""
    if hasattr(translator, "translate_texts"):
        return translator.translate_texts(source_language, target_language, texts)
    # wagtail-localize's DeepL and Google translators: their own interface, which reports
    # failures as any exception of its client library.
    strings = [StringValue(text) for text in texts]
    try:
        translated = translator.translate(
            Locale(language_code=source_language), Locale(language_code=target_language), strings
        )
        return [translated[string].data for string in strings]
    except Exception as error:  # any client failure means "unavailable"
        raise MachineTranslationUnavailable(str(error)) from error


def _is_text_of_the_page(page, segment):
    """A string of the page's own fields: not its slug, not a related object or child row.

    Child rows (a poll's choices, a survey's questions) are read from the database by the
    forms that show them, so translated copies of them would never be seen.
    """
    field_name = segment.path.split(".", 1)[0]
    if field_name in UNTRANSLATED_FIELDS:
        return False
    try:
        field = page._meta.get_field(field_name)
    except FieldDoesNotExist:
        return False  # a segment a model made up itself: not a field to write back into
    if isinstance(field, models.ManyToOneRel):
        return False
    return isinstance(segment, StringSegmentValue | TemplateSegmentValue)


def _text_segments(page):
    return [segment for segment in extract_segments(page) if _is_text_of_the_page(page, segment)]


def translated_page(page, target_language, translator):
    """An unsaved copy of the live ``page`` with its text machine-translated.

    Raises MachineTranslationUnavailable when the service fails or answers with text that
    cannot be put back into the page.
    """
    # A fresh copy of the live page (the database row holds the live revision's content),
    # never saved: ingesting the translation changes it in place.
    copy = type(page).objects.get(pk=page.pk)
    segments = _text_segments(copy)
    sources = list(
        dict.fromkeys(s.string.data for s in segments if isinstance(s, StringSegmentValue))
    )
    # A page made without revisions (the first home page) has none: its content is fixed.
    key = f"hub_translation:reader:{page.pk}:{page.live_revision_id}:{target_language}"
    translations = cache.get(key)
    fresh = translations is None
    if fresh:
        texts = _translate_texts(translator, page.locale.language_code, target_language, sources)
        if not all(isinstance(text, str) for text in texts):
            raise MachineTranslationUnavailable("the service answered with something not text")
        translations = dict(zip(sources, texts, strict=True))
    try:
        translated_segments = [
            StringSegmentValue(
                segment.path,
                StringValue.from_translated_html(translations[segment.string.data]),
                attrs=segment.attrs,
                order=segment.order,
            )
            if isinstance(segment, StringSegmentValue)
            else segment
            for segment in segments
        ]
        # The copy is both the original and the translation: ingesting changes it in place.
        ingest_segments(copy, copy, page.locale, page.locale, translated_segments)
    except Exception as error:  # a translation that does not fit is unusable
        raise MachineTranslationUnavailable(f"translated text does not fit: {error}") from error
    if fresh:
        cache.set(key, translations, CACHE_SECONDS)
    return copy
