"""An article's ordered links to translatable snippets: its topics and its contributors."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from hub_site.translation.fields import translated


def snippet_link(to, verbose_name, on_delete):
    """A link's foreign key to its snippet, which lists the links as ``article_links``."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=on_delete, related_name="article_links"
    )


class ArticleSnippetLink(TranslatableMixin, Orderable):
    """An article's link to a snippet, in the order the editor put them.

    Translated with the article, so each language's article links to that language's
    translation of the snippet. A subclass declares its ``page`` key and its ``snippet_link``
    and names that link in ``snippet_field``: the editor chooses the snippet, and the link
    reads as the snippet.
    """

    snippet_field = None

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.panels = [FieldPanel(cls.snippet_field)]
        cls.translatable_fields = translated(cls.snippet_field)

    def __str__(self):
        return str(getattr(self, self.snippet_field))
