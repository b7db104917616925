from django.contrib.postgres.search import SearchVectorField
from django.db import models

from wagtail.models import Locale

from articles.models.article_page import ArticlePage


class StoredSearchVectorField(SearchVectorField):
    """PostgreSQL's ``tsvector``, and on any other database a text column nothing writes.

    Django's ``SearchVectorField`` is ``tsvector`` everywhere, which SQLite (the embedded
    database) cannot create; with this one the same model and migration serve both.
    """

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return super().db_type(connection)
        return "text"


class ArticleSearchDocument(models.Model):
    """A live article's words, as the reader search reads them (``articles.search_index``).

    One row per live article, written when it is published and removed when it is withdrawn
    (``articles.signals``); ``manage.py update_article_search`` rebuilds them all.

    Only search reads these rows, so they carry no interface strings to translate.
    """

    # Deleting the article deletes its row: the index needs no delete signal of its own.
    page = models.OneToOneField(
        ArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    # The language whose rules made ``stems``, and whose text-search configuration
    # PostgreSQL applies; results are filtered by the page's own locale.
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    title = models.TextField()
    # Every other searchable text of the article (summary, learning objective, key data,
    # key learning, body) as plain text: the title is kept apart to weigh more.
    body = models.TextField(blank=True)
    # PostgreSQL only: title and body as the article's language's configuration reads them,
    # and their acronyms as written (so that the stop word "all" keeps ALL), the title
    # weighted higher, under a GIN index (migration 0005). Stored rather than built in each
    # query: building 20,000 benchmark articles' vectors took seconds a query.
    vector = StoredSearchVectorField(null=True, editable=False)
    # SQLite only: each word's stems, accents folded, space-delimited with a space at each
    # end so that a stem is found whole with LIKE.
    title_stems = models.TextField(blank=True)
    stems = models.TextField(blank=True)

    def __str__(self):
        return self.title
