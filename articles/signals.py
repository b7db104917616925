"""Make the renditions reader pages show when a page is published, not on a reader's request.

A page type lists its images and their rendition specs in ``reader_images()``; after the
publishing transaction commits (a publish rolled back creates none), the renditions are
made on the task queue (``articles.tasks``), so the editor does not wait for them and the
first reader finds them made. Wagtail's Rendition rows make each one once, for every app
server.
"""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published

from articles.tasks import make_reader_renditions


def on_publish(sender, instance, **kwargs):
    transaction.on_commit(partial(make_reader_renditions.enqueue, instance.pk))


def connect():
    page_published.connect(on_publish, dispatch_uid="reader_renditions")
