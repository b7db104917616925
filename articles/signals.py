"""Make the renditions reader pages show when a page is published, not on a reader's request.

A page type lists its images and their rendition specs in ``reader_images()``; the
renditions are created after the publishing transaction commits (a publish rolled back
creates none), so the first reader finds them made.
"""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published

from articles.renditions import generate_reader_renditions


def on_publish(sender, instance, **kwargs):
    transaction.on_commit(partial(generate_reader_renditions, instance.specific))


def connect():
    page_published.connect(on_publish, dispatch_uid="reader_renditions")
