from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage, StandardPage
from hub_site.translation.languages_in_use import languages_in_use
from tests.publishing import publish_certified


def publish_english_page(title, slug, intro):
    """A live standard page under the English home page, certified as set-up content."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    page = home.add_child(instance=StandardPage(title=title, slug=slug, intro=intro))
    publish_certified(page.save_revision())
    return page


def publish_figures_page():
    """A live English page whose intro, "53% and 46%", carries figures."""
    return publish_english_page("Response rates", "response-rates", "53% and 46%")


def start_language(client, language_code):
    """Bring a language into use as the admin does: translate the home page into it through
    its "Translate" dialog, the one that offers every language, and publish it (certified as
    set-up content) so that its tree is served. Returns the new home page."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(home.pk,)),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    translated_home = home.get_translation(locale)
    publish_certified(translated_home.get_latest_revision())
    translated_home.refresh_from_db()
    return translated_home


def start_translation(client, page, language_code="es"):
    """Create the translation through wagtail-localize's "Translate this page" form; the
    language is brought into use first if it is not (its dialog offers only those)."""
    if not languages_in_use().filter(language_code=language_code).exists():
        start_language(client, language_code)
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return page.get_translation(locale), translation_into(page, language_code)


def translation_into(source, language_code):
    """wagtail-localize's translation of ``source`` (a page or snippet) into a language."""
    return Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code=language_code
    )


def translate_figures_page(client, translator, page, figures="53% y 64%"):
    """``translator``'s Spanish translation of ``publish_figures_page()``, with ``figures`` for
    its intro (by default, other figures than the source's)."""
    client.force_login(translator)
    spanish_page, translation = start_translation(client, page)
    translate_string(client, translation, "Response rates", "Tasas de respuesta")
    translate_string(client, translation, "53% and 46%", figures)
    return spanish_page, translation


def machine_translate(client, translation, next_url="/admin/"):
    return client.post(
        reverse("wagtail_localize:machine_translate", args=(translation.pk,)),
        {"next": next_url},
    )


def translate_string(client, translation, source_text, translated_text):
    """Save a translator's own text for one segment, as the translation editor does."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    response = client.put(
        url,
        urlencode({"value": translated_text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content
    return response


def number_check_url(page):
    return reverse("hub_translation:number_check", args=(page.pk,))


def confirm_figures(client, url, string_translation_id, reason="Rounded as in the journal."):
    """Confirm one flagged segment's figures on the numbers check, as its form does."""
    return client.post(url, {"string_translation": string_translation_id, "reason": reason})


def translate_the_rest(client, translation):
    """Give every segment not translated yet a translator's text (the source's words,
    figures included), so the translation may be submitted and approved."""
    translated = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if (segment.string_id, segment.context_id) not in translated:
            url = reverse(
                "wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)
            )
            response = client.put(
                url,
                urlencode({"value": segment.string.data}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content
