"""The machine translation notice, the snippet the translation tests translate: published in
English, then translated through wagtail-localize's own "Translate" form."""

from django.urls import reverse

from wagtail.models import Locale

from hub_site.translation.languages_in_use import languages_in_use
from hub_site.translation.models import MachineTranslationNotice
from tests.translation.helpers import start_language, translation_into


def publish_english_notice(text):
    notice = MachineTranslationNotice.objects.create(
        locale=Locale.objects.get(language_code="en"), text=text
    )
    notice.save_revision().publish()
    return notice


def start_notice_translation(client, notice, language_code="es"):
    """Translate the notice as the client's user does from the snippet's "Translate" form;
    the language is brought into use first if it is not. Returns the translated notice (a
    draft) and its ``Translation``."""
    if not languages_in_use().filter(language_code=language_code).exists():
        start_language(client, language_code)
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=("hub_translation", "machinetranslationnotice", notice.pk),
        ),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return notice.get_translation(locale), translation_into(notice, language_code)


def notice_edit_url(notice):
    return reverse(
        "wagtailsnippets_hub_translation_machinetranslationnotice:edit", args=(notice.pk,)
    )
