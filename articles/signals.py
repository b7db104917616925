"""Make the renditions reader pages show when a page is published, not on a reader's request.

A page type lists its images and their rendition specs in ``reader_images()``; after the
publishing transaction commits (a publish rolled back creates none), the renditions are
made on the task queue (``articles.tasks``), so the editor does not wait for them and the
first reader finds them made. Wagtail's Rendition rows make each one once, for every app
server.

The reader search's documents (``articles.search_index``) follow an article's publication:
rewritten when it is published, removed when it is withdrawn, in the publishing
transaction so that a rolled-back publish leaves the index as it was. A deleted article's
document goes with it (a cascading foreign key), which needs no signal.
"""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published, page_unpublished

from articles import search_index
from articles.models import ArticlePage
from articles.tasks import make_reader_renditions


def on_publish(sender, instance, **kwargs):
    transaction.on_commit(partial(make_reader_renditions.enqueue, instance.pk))


def index_article(sender, instance, **kwargs):
    search_index.index_page(instance)


def unindex_article(sender, instance, **kwargs):
    search_index.remove_page(instance)


def connect():
    page_published.connect(on_publish, dispatch_uid="reader_renditions")
    page_published.connect(index_article, sender=ArticlePage, dispatch_uid="article_search")
    page_unpublished.connect(
        unindex_article, sender=ArticlePage, dispatch_uid="article_search_withdrawn"
    )
