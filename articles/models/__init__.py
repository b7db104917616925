from articles.models.article_index_page import ArticleIndexPage
from articles.models.article_page import ArticlePage, ArticlePageTopic
from articles.models.topic import Topic

__all__ = ["ArticleIndexPage", "ArticlePage", "ArticlePageTopic", "Topic"]
