"""The demo's glossary: a few agreed translations of the seed article's medical terms."""

from wagtail.models import Locale

from hub_site.translation.models import GlossaryTerm

TERMS = {
    "es": [
        ("relapse", "recaída", "", "Not “relapso”."),
        (
            "transplant",
            "trasplante",
            "transplante",
            "“Transplante” is the Portuguese form, a frequent slip in Spanish drafts.",
        ),
    ],
    "fr": [("relapse", "rechute", "", "“Récidive” is kept for solid tumours.")],
}


def load_glossary():
    english = Locale.objects.get(language_code="en")
    for language_code, terms in TERMS.items():
        target = Locale.objects.filter(language_code=language_code).first()
        if target is None:
            continue
        for source_term, approved, forbidden, notes in terms:
            GlossaryTerm.objects.update_or_create(
                source_locale=english,
                target_locale=target,
                source_term=source_term,
                defaults={
                    "approved_translation": approved,
                    "forbidden_translations": forbidden,
                    "notes": notes,
                },
            )
