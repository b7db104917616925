"""Publish a Spanish translation of the seed article with wagtail-localize, for journeys
that switch language. Untranslated strings fall back to the English source."""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage
from hub_site.demo.articles import SEED_ARTICLE_SLUG


def publish_spanish_seed_article():
    article = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale__language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(article)
    source.create_or_update_translation(
        Locale.objects.get(language_code="es"),
        publish=True,
        copy_parent_pages=True,
        fallback=True,
    )
    return article.get_translation(Locale.objects.get(language_code="es"))
