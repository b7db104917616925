"""Background work of the article pages, on the task queue (docs/operations.md)."""

from django_tasks import task

from wagtail.models import Page

from articles.renditions import generate_reader_renditions


@task()
def make_reader_renditions(page_id):
    """The renditions of every image a published page shows readers, made by the worker."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:  # deleted since it was published: nothing to show
        generate_reader_renditions(page.specific)
