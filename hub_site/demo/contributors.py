"""The seed article's faculty: two fictional contributors with their disclosures, in
English, Spanish and French.

One author has nothing to disclose; one expert discloses consultancy fees from Amgen, a
funder of the demo's programme, with the statement of how that was kept from the content,
so the demo shows readers a relationship and its mitigation, and compliance reviewers the
funder flag. Both disclosures were confirmed a month before the demo was loaded; loading
it again confirms a disclosure again only once it is out of date, so running it again
changes nothing until then.

Their Spanish and French versions are made with wagtail-localize's own machinery, as the
other demo translations are (``hub_site.demo.translations``): the translated articles link
to them.
"""

import datetime

from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from articles.models import ArticlePage, ArticlePageContributor, Contributor, ContributorRole
from articles.models.contributor import FinancialRelationship
from home.models import FunderPage
from hub_site.demo.publishing import publish_reviewed
from hub_site.demo.translations import DEMO_LANGUAGES

CONFIRMED_AGO = datetime.timedelta(days=30)
RELATIONSHIP_STARTED_AGO = datetime.timedelta(days=400)

CONTRIBUTORS = [
    {
        "name": "Ingrid Halvorsen-Reyes",
        "credentials": "MD, PhD",
        "affiliation": "Department of Haematology, Northbridge University Hospital",
        "role": ContributorRole.AUTHOR,
        "nothing_to_disclose": True,
        "relationships": [],
        "mitigation": "",
    },
    {
        "name": "Tobias Mwangi-Clarke",
        "credentials": "MBBS, FRCPath",
        "affiliation": "Adult Stem Cell Transplant Unit, Eastfield Medical School",
        "role": ContributorRole.EXPERT,
        "nothing_to_disclose": False,
        "relationships": [{"company": "Amgen", "nature": "Consultancy fees"}],
        "mitigation": (
            "The expert reviewed the transplant outcomes only. The article's conclusions were "
            "checked by a medical reviewer with no relationship with any funder, and no funder "
            "saw the article before publication."
        ),
    },
]

TRANSLATIONS = {
    "es": {
        "Department of Haematology, Northbridge University Hospital": (
            "Servicio de Hematología, Hospital Universitario de Northbridge"
        ),
        "Adult Stem Cell Transplant Unit, Eastfield Medical School": (
            "Unidad de Trasplante de Progenitores Hematopoyéticos de Adultos, Facultad de "
            "Medicina de Eastfield"
        ),
        "Consultancy fees": "Honorarios de consultoría",
        CONTRIBUTORS[1]["mitigation"]: (
            "El experto revisó únicamente los resultados del trasplante. Las conclusiones del "
            "artículo las verificó un revisor médico sin relación con ningún financiador, y "
            "ningún financiador vio el artículo antes de su publicación."
        ),
    },
    "fr": {
        "Department of Haematology, Northbridge University Hospital": (
            "Service d'hématologie, hôpital universitaire de Northbridge"
        ),
        "Adult Stem Cell Transplant Unit, Eastfield Medical School": (
            "Unité de greffe de cellules souches adultes, faculté de médecine d'Eastfield"
        ),
        "Consultancy fees": "Honoraires de conseil",
        CONTRIBUTORS[1]["mitigation"]: (
            "L'expert n'a relu que les résultats de la greffe. Les conclusions de l'article ont "
            "été vérifiées par un relecteur médical sans lien avec aucun financeur, et aucun "
            "financeur n'a vu l'article avant sa publication."
        ),
    },
}


def load_contributors(article):
    """The demo contributors, translated, and listed on ``article`` (the seed article) in a
    certified publication; its translations follow in load_translations."""
    contributors = []
    for spec in CONTRIBUTORS:
        contributor, changed = ensure_contributor(spec)
        for locale in Locale.objects.filter(language_code__in=DEMO_LANGUAGES):
            if changed or not contributor.has_translation(locale):
                translate_contributor(contributor, locale)
        contributors.append(contributor)
    return list_on_article(article, contributors)


def ensure_contributor(spec):
    """The contributor of ``spec`` and whether it was created or changed."""
    contributor = Contributor.objects.filter(name=spec["name"], locale=Locale.get_default()).first()
    if contributor is not None and contributor.disclosure_problem() is None:
        return contributor, False
    today = timezone.localdate()
    contributor = contributor or Contributor(name=spec["name"])
    contributor.credentials = spec["credentials"]
    contributor.affiliation = spec["affiliation"]
    contributor.role = spec["role"]
    contributor.nothing_to_disclose = spec["nothing_to_disclose"]
    contributor.mitigation = spec["mitigation"]
    contributor.disclosure_confirmed_on = today - CONFIRMED_AGO
    # Kept in memory until the contributor is saved, as the admin's form does.
    contributor.relationships = [
        FinancialRelationship(
            sort_order=order,
            company=relationship["company"],
            funder=FunderPage.objects.filter(
                title=relationship["company"], locale=Locale.get_default()
            ).first(),
            nature=relationship["nature"],
            started_on=(today - RELATIONSHIP_STARTED_AGO).replace(day=1),
        )
        for order, relationship in enumerate(spec["relationships"])
    ]
    contributor.save()
    return contributor, True


def translate_contributor(contributor, locale):
    """The contributor's translation into ``locale``, from a translator's strings."""
    source, _created = TranslationSource.update_or_create_from_instance(contributor)
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    strings = TRANSLATIONS[locale.language_code]
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    source.create_or_update_translation(locale, fallback=False)


def list_on_article(article, contributors):
    """Add the contributors the article does not list yet, after those it does."""
    # Read again: the article in hand may predate its last publication.
    article = ArticlePage.objects.get(pk=article.pk)
    listed = {link.contributor_id for link in article.contributor_links.all()}
    missing = [contributor for contributor in contributors if contributor.pk not in listed]
    if not missing:
        return article
    # Numbered as the editor's form numbers them: rows without a sort_order come back in no
    # set order from PostgreSQL, and the translations would then look out of date.
    for order, contributor in enumerate(missing, start=len(listed)):
        article.contributor_links.add(
            ArticlePageContributor(contributor=contributor, sort_order=order)
        )
    publish_reviewed(article.save_revision())
    return article
