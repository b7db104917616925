"""Make the renditions reader pages show when a page is published, not on a reader's request.

A page type lists its images and their rendition specs in ``reader_images()``; the
renditions are created after the publishing transaction commits (a publish rolled back
creates none), so the first reader finds them made.
"""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published

from articles.renditions import generate_renditions


def generate_reader_renditions(sender, instance, **kwargs):
    reader_images = getattr(instance.specific, "reader_images", None)
    if reader_images is None:
        return
    for image, patterns in reader_images():
        if image is not None:
            transaction.on_commit(partial(generate_renditions, image, patterns))


def connect():
    page_published.connect(generate_reader_renditions, dispatch_uid="reader_renditions")
