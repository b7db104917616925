"""DeepL with the site's glossary: each language pair's approved term translations travel
with every translation request, so machine text starts out with the agreed terms.

DeepL keeps glossaries on its side and cannot change one: a pair whose terms changed gets a
new glossary, and the one it replaces is deleted. Which glossary holds which entries is kept
in the cache, by the pair and a hash of its entries. When DeepL refuses a glossary, the text
is translated without one: the glossary guard still checks what comes back.
"""

import hashlib
import logging

import requests

from django.core.cache import cache

from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code

from hub_site.translation.models import GlossaryTerm

logger = logging.getLogger(__name__)

# How long a pair whose glossary DeepL refused is left without one before asking again:
# every machine translation of the pair would otherwise wait on a request bound to fail.
REFUSED_SECONDS = 10 * 60


def tsv_field(text):
    # Tabs and line breaks are DeepL's separators; the admin form's fields hold one line.
    return " ".join(text.split())


def glossary_entries(source_code, target_code):
    """The pair's entries as DeepL's TSV ("source\\tapproved" lines), by language codes:
    reader translations name their languages with unsaved locales."""
    terms = GlossaryTerm.objects.filter(
        source_locale__language_code=source_code, target_locale__language_code=target_code
    ).order_by("source_term", "pk")
    entries, seen = [], set()
    for term in terms:
        source, approved = tsv_field(term.source_term), tsv_field(term.approved_translation)
        # DeepL refuses a glossary with an empty side, or with the same source twice.
        if source and approved and source not in seen:
            seen.add(source)
            entries.append(f"{source}\t{approved}")
    return "\n".join(entries)


class GlossaryDeepLTranslator(DeepLTranslator):
    """wagtail-localize's DeepL translator, with a ``glossary_id`` for the pair's terms."""

    def glossaries_endpoint(self):
        return self.get_api_endpoint().removesuffix("/translate") + "/glossaries"

    def cache_key(self, pair, *parts):
        # Glossaries belong to a DeepL account: another key is another set of glossaries.
        account = hashlib.sha256(self.options.get("AUTH_KEY", "").encode()).hexdigest()[:16]
        return ":".join(("hub_translation:deepl-glossary", account, *pair, *parts))

    def glossary_id(self, source_locale, target_locale):
        """The id of the DeepL glossary holding the pair's current terms, made if need be;
        None when the pair has no terms or DeepL refused it."""
        # The site's language codes, not DeepL's: "pt-br" and "pt-pt" have glossaries of
        # their own, both for DeepL's "PT".
        pair = (source_locale.language_code, target_locale.language_code)
        entries = glossary_entries(*pair)
        if not entries:
            return None
        digest = hashlib.sha256(entries.encode()).hexdigest()
        key = self.cache_key(pair, digest)
        glossary_id = cache.get(key)
        if glossary_id is None:
            glossary_id = self.create_glossary(pair, entries)
            cache.set(key, glossary_id or "", None if glossary_id else REFUSED_SECONDS)
            if glossary_id:
                self.replace_glossary(pair, digest, glossary_id)
        return glossary_id or None

    def create_glossary(self, pair, entries):
        # Glossaries are made for languages, not regional variants (EN, not EN-GB).
        source_lang, target_lang = (language_code(code) for code in pair)
        try:
            response = requests.post(
                self.glossaries_endpoint(),
                {
                    "name": "Hub CMS glossary {}→{}".format(*pair),
                    "source_lang": source_lang,
                    "target_lang": target_lang,
                    "entries": entries,
                    "entries_format": "tsv",
                },
                timeout=int(self.options.get("TIMEOUT", 30)),
                headers=self.get_headers(),
            )
            response.raise_for_status()
            return response.json()["glossary_id"]
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            logger.warning(
                "DeepL did not create the %s→%s glossary (%s); translating without it",
                *pair,
                error,
            )
            return None

    def replace_glossary(self, pair, digest, glossary_id):
        """Remember the pair's new glossary, and delete the one it replaces: DeepL accounts
        hold a limited number of glossaries."""
        key = self.cache_key(pair, "current")
        previous = cache.get(key)
        cache.set(key, {"digest": digest, "id": glossary_id}, None)
        # The same entries made twice at once (two workers) leave both glossaries be: either
        # may be the one cached.
        if not previous or previous["digest"] == digest:
            return
        # Were the entries to come back to those of the deleted glossary, a new one is made.
        cache.delete(self.cache_key(pair, previous["digest"]))
        try:
            requests.delete(
                f"{self.glossaries_endpoint()}/{previous['id']}",
                timeout=int(self.options.get("TIMEOUT", 30)),
                headers=self.get_headers(),
            )
        except requests.RequestException as error:
            logger.warning("DeepL did not delete the replaced glossary %s (%s)", previous, error)

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        glossary_id = self.glossary_id(source_locale, target_locale)
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        return parameters
