"""Whether a published translation still shows machine-translated text, and what to say."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language

from wagtail_localize.models import StringTranslation

from hub_site.translation.models import MachineTranslationNotice, default_notice_text

# The decision belongs to a published revision, so it may be kept as long as that revision.
CACHE_SECONDS = 24 * 60 * 60


def has_unedited_machine_text(page):
    """True when the page's locale has machine-made strings of this page nobody has edited.

    wagtail-localize marks a string "machine" when the translator's button filled it and
    "manual" once a translator saves their own text over it. One query, cached per live
    revision and locale (a new publication makes a new key).
    """
    if not getattr(page, "live", False) or page.live_revision_id is None:
        return False
    # Pages are written in the default language and translated from it: a page read in
    # that language is an original, and costs no query.
    if get_language() == settings.LANGUAGE_CODE:
        return False
    key = f"hub_translation:machine-text:{page.pk}:{page.live_revision_id}:{page.locale_id}"
    found = cache.get(key)
    if found is None:
        found = StringTranslation.objects.filter(
            locale_id=page.locale_id,
            context__object_id=page.translation_key,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).exists()
        cache.set(key, found, CACHE_SECONDS)
    return found


def notice_text(locale_id):
    """The live notice in this locale, else the default language's, else the built-in text."""
    notices = {
        notice.locale_id: notice
        for notice in MachineTranslationNotice.objects.filter(live=True).filter(
            Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
        )
    }
    if locale_id in notices:
        return notices[locale_id].text
    if notices:
        return next(iter(notices.values())).text
    return default_notice_text()
