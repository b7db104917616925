from articles.models.article_index_page import ArticleIndexPage
from articles.models.article_page import ArticlePage, ArticlePageTopic
from articles.models.contributor import (
    ArticlePageContributor,
    Contributor,
    ContributorRole,
    FinancialRelationship,
)
from articles.models.programme import Programme
from articles.models.search_document import ArticleSearchDocument
from articles.models.topic import Topic

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageContributor",
    "ArticlePageTopic",
    "ArticleSearchDocument",
    "Contributor",
    "ContributorRole",
    "FinancialRelationship",
    "Programme",
    "Topic",
]
