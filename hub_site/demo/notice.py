"""The machine-translation notice in the default language, so translators can translate it."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

from hub_site.translation.models import MachineTranslationNotice, default_notice_text


def load_machine_translation_notice():
    """Publish the built-in (seed) wording as the default language's notice, once."""
    locale = Locale.get_default()
    notice = MachineTranslationNotice.objects.filter(locale=locale).first()
    if notice is not None and notice.live:
        return notice
    with translation.override(settings.LANGUAGE_CODE):
        text = str(default_notice_text())
    notice = notice or MachineTranslationNotice(locale=locale, text=text)
    notice.save()
    notice.save_revision().publish()
    return notice
