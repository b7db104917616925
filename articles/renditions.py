"""The image renditions reader pages show, named in one place.

Each constant is the filter spec a template's ``{% picture %}`` tag is given, with Wagtail's
brace expansion: one spec per size and format. The first size gives the ``<img>`` its src,
width and height (the size a wide screen shows). The same specs are prefetched with the pages
that show them, so all the renditions on a page cost one query, and generated when a page is
published (``articles.signals``), so a reader's request does not wait for them.
"""

import logging
from collections import defaultdict
from copy import copy as shallow_copy

from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

logger = logging.getLogger(__name__)

# Featured image at the top of the article's 48rem column: 1200 wide for 2x screens.
HERO = "fill-{1200x630,600x315}|format-{webp,jpeg}"
# Article cards (index, search, related articles, home): a third of the column at most.
CARD = "fill-{480x270,960x540}|format-{webp,jpeg}"
# Figures in the article body keep their proportions.
BODY = "width-{800,480,1200}|format-{webp,jpeg}"
# Funder logos keep their transparency: PNG is the fallback.
LOGO = "max-{240x120,480x240}|format-{webp,png}"
# Open Graph and JSON-LD image: 1200x630 is what link previews expect; JPEG reads everywhere.
SHARE = "fill-1200x630|format-jpeg"


def specs(*patterns):
    """The filter specs the patterns expand to, in the order ``{% picture %}`` uses them."""
    return [spec for pattern in patterns for spec in Filter.expand_spec(pattern)]


def prefetch_renditions(images_and_patterns):
    """Fetch the renditions of several images, each with its own specs, in one query.

    Takes ``(image, patterns)`` pairs; sets each image's ``prefetched_renditions``, which
    Wagtail's rendition lookups read instead of the database.
    """
    wanted = defaultdict(set)
    by_pk = defaultdict(list)
    for image, patterns in images_and_patterns:
        if image is None:
            continue
        wanted[image.pk].update(specs(*patterns))
        by_pk[image.pk].append(image)
    if not wanted:
        return
    all_specs = set().union(*wanted.values())
    found = defaultdict(list)
    rendition_model = get_image_model().get_rendition_model()
    for rendition in rendition_model.objects.filter(image_id__in=wanted, filter_spec__in=all_specs):
        if rendition.filter_spec in wanted[rendition.image_id]:
            found[rendition.image_id].append(rendition)
    for pk, images in by_pk.items():
        for image in images:
            image.prefetched_renditions = []
            for rendition in found[pk]:
                # Each image gets its own copies, pointing back at it (the alt text is its).
                copy = shallow_copy(rendition)
                copy.image = image
                image.prefetched_renditions.append(copy)


def generate_renditions(image, patterns):
    """Create the renditions reader pages will ask for, once, ahead of any reader.

    An image whose file is missing (media not restored with the database) is logged and
    skipped: the page shows Wagtail's missing-image placeholder, as it would anyway.
    """
    try:
        image.get_renditions(*specs(*patterns))
    except SourceImageIOError:
        logger.warning("Image %s has no file; its renditions were not made", image.pk)


def generate_reader_renditions(page):
    """Create the renditions of every image ``page`` shows readers (see ``reader_images``)."""
    reader_images = getattr(page, "reader_images", None)
    for image, patterns in reader_images() if reader_images else ():
        if image is not None:
            generate_renditions(image, patterns)
