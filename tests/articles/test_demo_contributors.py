"""The demo's faculty on the seed article: two fictional contributors with current
disclosures, in every demo language, loaded again without a change."""

import pytest

from wagtail.models import Locale, Revision

from articles.models import ArticlePage, Contributor
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.contributors import CONTRIBUTORS, load_contributors
from hub_site.demo.translations import load_translations


@pytest.fixture
def seed_article(demo_content):
    """The seed article with the demo contributors, as ``load_demo`` lists them (before
    the translations follow)."""
    article = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale=Locale.get_default())
    load_contributors(article)
    load_translations(article.get_parent().get_parent().specific)
    return ArticlePage.objects.get(pk=article.pk)


def test_the_seed_article_lists_the_demo_faculty_with_current_disclosures(seed_article):
    contributors = [link.contributor for link in seed_article.contributor_links.all()]
    assert [c.name for c in contributors] == [spec["name"] for spec in CONTRIBUTORS]
    assert all(c.disclosure_problem() is None for c in contributors)
    author, expert = contributors
    assert author.nothing_to_disclose and not author.relationships.exists()
    relationship = expert.relationships.get()
    assert (relationship.company, relationship.funder.title) == ("Amgen", "Amgen")
    assert expert.mitigation


def test_readers_see_the_demo_faculty_in_every_language(hcp_client, seed_article):
    html = hcp_client.get(seed_article.url).text
    assert "Ingrid Halvorsen-Reyes, MD, PhD" in html
    assert "Nothing to disclose." in html
    assert "Amgen: Consultancy fees" in html

    spanish = seed_article.get_translation(Locale.objects.get(language_code="es"))
    html = hcp_client.get(spanish.url).text
    assert "Amgen: Honorarios de consultoría" in html
    assert "Servicio de Hematología, Hospital Universitario de Northbridge" in html
    french = seed_article.get_translation(Locale.objects.get(language_code="fr"))
    assert "Honoraires de conseil" in hcp_client.get(french.url).text


def test_loading_the_demo_faculty_again_changes_nothing(seed_article):
    revisions, contributors = Revision.objects.count(), Contributor.objects.count()
    load_contributors(seed_article)
    assert (Revision.objects.count(), Contributor.objects.count()) == (revisions, contributors)
