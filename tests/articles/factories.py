"""Small factories for articles: real rows, saved the way the admin saves them."""

import datetime
import io
import json

from PIL import Image as PillowImage

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from articles.models import ArticleIndexPage, ArticlePage, ArticlePageTopic, Topic
from tests.publishing import publish_certified


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def create_image(title="Test image", size=(1600, 900), colour="#0b5563"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name="test.png")
    image.save()
    return image


def create_topic(name, slug=None, locale=None, live=True):
    topic = Topic(
        name=name,
        slug=slug or name.lower().replace(" ", "-"),
        locale=locale or Locale.get_default(),
    )
    topic.save()
    revision = topic.save_revision()
    if live:
        publish_certified(revision)
    else:
        topic.live = False
        topic.save(update_fields=["live"])
    return topic


def create_index(parent=None, title="Articles", slug="articles"):
    index = ArticleIndexPage(title=title, slug=slug)
    (parent or home_page()).add_child(instance=index)
    publish_certified(index.save_revision())
    return index


def reference(number=1, doi="", pmid="", url=""):
    return {
        "type": "reference",
        "value": {
            "authors": f"Author{number} A, et al",
            "title": f"Cited study {number}",
            "journal": "Am J Hematol",
            "year": 2025,
            "volume": "100(3)",
            "pages": f"{number}-{number + 9}",
            "doi": doi,
            "pmid": pmid,
            "url": url,
        },
    }


def create_article(index, title="An article", publish=True, topics=(), **fields):
    """An article under ``index``; ``body`` and ``references`` take stored stream data."""
    defaults = {
        "slug": title.lower().replace(" ", "-").replace(":", ""),
        "date": datetime.date(2025, 10, 24),
        "learning_objective": "Learners will be able to cite a new development.",
        "summary": f"The summary of {title}.",
    }
    defaults.update(fields)
    for stream in ("body", "references"):
        if stream in defaults and not isinstance(defaults[stream], str):
            defaults[stream] = json.dumps(defaults[stream])
    article = ArticlePage(title=title, live=publish, **defaults)
    article.topic_links = [
        ArticlePageTopic(topic=topic, sort_order=order) for order, topic in enumerate(topics)
    ]
    index.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        publish_certified(revision)
    return ArticlePage.objects.get(pk=article.pk)
