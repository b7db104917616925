"""The machine-translation notice in the default language, so translators can translate it."""

from wagtail.models import Locale

from hub_site.demo.home import SITE_NAME
from hub_site.translation.models import MachineTranslationNotice

# The seed's disclaimer, naming the demo site (the built-in notice names SITE_NAME's site).
NOTICE_TEXT = (
    "Translations are machine generated, so may not be an exact or complete translation, and "
    f"{SITE_NAME} cannot guarantee the accuracy of translated content."
)


def load_machine_translation_notice():
    """Publish (or bring back) the seed wording as the default language's notice."""
    locale = Locale.get_default()
    notice = MachineTranslationNotice.objects.filter(locale=locale).first()
    if notice is not None and notice.live and notice.text == NOTICE_TEXT:
        return notice
    notice = notice or MachineTranslationNotice(locale=locale)
    notice.text = NOTICE_TEXT
    notice.save()
    notice.save_revision().publish()
    return notice
