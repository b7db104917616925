from django.db import models


class ResultsQuerySet(models.QuerySet):
    """Answers, or the tallies of purged ones, as the results screens narrow them.

    Each model names the lookup of the article's translation key on it
    (``article_key_lookup``): rows that keep the key stay counted for an article that was
    deleted since.
    """

    def narrowed(self, locale=None, article_key=None):
        """Only the rows of ``locale`` and the article ``article_key``, each when given."""
        rows = self
        if locale is not None:
            rows = rows.filter(locale=locale)
        if article_key is not None:
            rows = rows.filter(**{self.model.article_key_lookup: article_key})
        return rows
