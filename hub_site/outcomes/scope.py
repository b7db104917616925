"""What a report covers: one article in all its languages, or a funded programme's articles.

Articles are counted by translation key, so every language version of an article adds up;
a programme's articles are those whose default-language version it is on (the programmes
are synchronized to translations).
"""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from articles.models import ArticlePage, Programme

ARTICLE, PROGRAMME = "article", "programme"


@dataclass
class Scope:
    kind: str
    pk: int
    title: str
    # (label, value) lines that say what the report is of: grant reference, funders…
    details: list = field(default_factory=list)
    # {article translation key: title in the default language}, in the order shown.
    articles: dict = field(default_factory=dict)

    @property
    def article_keys(self):
        return list(self.articles)

    @property
    def kind_label(self):
        return _("Article") if self.kind == ARTICLE else _("Funded programme")


def _source_articles():
    return ArticlePage.objects.filter(locale=Locale.get_default())


def article_scope(page_id):
    """The article with id ``page_id`` (any language version), or 404."""
    article = get_object_or_404(ArticlePage, pk=page_id)
    source = _source_articles().filter(translation_key=article.translation_key).first() or article
    programmes = ", ".join(programme.name for programme in source.programmes.all())
    details = [(_("Funded programmes"), programmes)] if programmes else []
    return Scope(ARTICLE, article.pk, source.title, details, {source.translation_key: source.title})


def programme_scope(programme_id):
    """The programme with id ``programme_id`` and its articles, or 404."""
    programme = get_object_or_404(Programme, pk=programme_id)
    articles = (
        _source_articles()
        .filter(programmes=programme)
        .order_by("title")
        .values_list("translation_key", "title")
    )
    funders = ", ".join(funder.title for funder in programme.funders.order_by("title"))
    details = [
        (label, value)
        for label, value in (
            (_("Grant reference"), programme.grant_reference),
            (_("Funders"), funders),
        )
        if value
    ]
    return Scope(PROGRAMME, programme.pk, programme.name, details, dict(articles))
