"""A LibreTranslate machine translator for wagtail-localize.

wagtail-localize ships one too, but it needs an API key, cannot tell which languages the
server offers, and turns a server that is down into a 500 in the admin. This one speaks the
same API (``POST /translate``, ``GET /languages``, https://libretranslate.com/docs/).
"""

import logging

import requests

from django.core.cache import cache

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)

# How long the server's language list is trusted before it is asked again.
LANGUAGES_CACHE_SECONDS = 60 * 60
# How long a server that did not answer is left alone: every reader page asks for the list
# (the "Translate" menu), and must not wait on a server that is down each time.
LANGUAGES_FAILURE_CACHE_SECONDS = 60


class MachineTranslationUnavailable(Exception):
    """The translation service could not be reached or refused the request."""


def libretranslate_code(language_code):
    """LibreTranslate's code for a Django language code ("pt-br" → "pt", "zh-hans" → "zh")."""
    return language_code.split("-")[0].lower()


class LibreTranslateTranslator(BaseMachineTranslator):
    display_name = "LibreTranslate"

    @property
    def url(self):
        return self.options["URL"].rstrip("/")

    @property
    def timeout(self):
        return self.options.get("TIMEOUT", 10)

    def _api_key_payload(self):
        api_key = self.options.get("API_KEY")
        return {"api_key": api_key} if api_key else {}

    def languages(self):
        """{source code: set of target codes} offered by the server, cached for an hour."""
        cache_key = f"hub_translation:libretranslate-languages:{self.url}"
        offered = cache.get(cache_key)
        if offered is None:
            try:
                response = requests.get(
                    f"{self.url}/languages", params=self._api_key_payload(), timeout=self.timeout
                )
                response.raise_for_status()
                offered = {
                    language["code"]: set(language.get("targets", []))
                    for language in response.json()
                }
            except (requests.RequestException, ValueError, KeyError, TypeError):
                logger.warning("LibreTranslate at %s did not list its languages", self.url)
                cache.set(cache_key, {}, LANGUAGES_FAILURE_CACHE_SECONDS)
                return {}
            cache.set(cache_key, offered, LANGUAGES_CACHE_SECONDS)
        return offered

    def can_translate(self, source_locale, target_locale):
        source = libretranslate_code(source_locale.language_code)
        target = libretranslate_code(target_locale.language_code)
        return source != target and target in self.languages().get(source, set())

    def translate_texts(self, source_language, target_language, texts, text_format="html"):
        """Translate a list of texts; raises MachineTranslationUnavailable on any failure."""
        if not texts:
            return []
        try:
            response = requests.post(
                f"{self.url}/translate",
                json={
                    "q": texts,
                    "source": libretranslate_code(source_language),
                    "target": libretranslate_code(target_language),
                    "format": text_format,
                    **self._api_key_payload(),
                },
                timeout=self.timeout,
            )
            response.raise_for_status()
            translated = response.json()["translatedText"]
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise MachineTranslationUnavailable(str(error)) from error
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise MachineTranslationUnavailable("LibreTranslate answered with the wrong count")
        return translated

    def translate(self, source_locale, target_locale, strings):
        # A failure raises MachineTranslationUnavailable: the queued request
        # (hub_site/translation/machine_queue.py) tries again, then tells the translator.
        strings = list(strings)
        translated = self.translate_texts(
            source_locale.language_code,
            target_locale.language_code,
            [string.data for string in strings],
        )
        return {string: StringValue(text) for string, text in zip(strings, translated, strict=True)}
