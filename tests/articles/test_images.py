"""Responsive images: <picture> with WebP and a fallback, sized, lazy below the fold, and
renditions made once, when the page is published, not on a reader's request."""

import pytest
from bs4 import BeautifulSoup

from wagtail.images import get_image_model

from articles import renditions
from articles.models import ArticlePage
from tests.articles.factories import create_article, create_image
from tests.demo_rows import load_demo_content

Rendition = get_image_model().get_rendition_model()


def figure(image):
    return {"type": "image", "value": {"image": image.pk, "alt_text": "A chart", "caption": ""}}


@pytest.fixture
def illustrated(article_index, topics):
    """An article with a featured image, a figure in its body and two related articles."""
    for number in range(2):
        create_article(
            article_index,
            f"Related {number}",
            topics=[topics["mrd"]],
            featured_image=create_image(f"Card {number}"),
        )
    return create_article(
        article_index,
        "Illustrated",
        topics=[topics["mrd"]],
        featured_image=create_image("Hero"),
        body=[figure(create_image("Chart", size=(1400, 1000)))],
    )


def pictures(response):
    return BeautifulSoup(response.content, "html.parser").select("main picture")


@pytest.mark.django_db
def test_every_image_is_a_picture_with_webp_srcset_and_a_sized_fallback(hcp_client, illustrated):
    found = pictures(hcp_client.get(illustrated.url))

    assert len(found) == 4  # the hero, the figure, two related articles' cards
    for picture in found:
        webp = picture.find("source", type="image/webp")
        img = picture.find("img")
        assert webp is not None
        assert len(webp["srcset"].split(",")) >= 2
        assert webp["sizes"]
        assert ".format-jpeg." in img["src"]
        assert len(img["srcset"].split(",")) >= 2
        assert int(img["width"]) > 0
        assert int(img["height"]) > 0


@pytest.mark.django_db
def test_only_the_first_image_is_fetched_eagerly(hcp_client, illustrated):
    hero, *below_the_fold = [p.find("img") for p in pictures(hcp_client.get(illustrated.url))]

    assert hero["fetchpriority"] == "high"
    assert not hero.has_attr("loading")
    assert hero["width"] == "1200"
    assert hero["height"] == "630"
    assert [img.get("loading") for img in below_the_fold] == ["lazy"] * 3


@pytest.mark.django_db
def test_publishing_makes_the_renditions_readers_are_shown(
    article_index, topics, django_capture_on_commit_callbacks
):
    hero = create_image("Hero")
    chart = create_image("Chart")
    with django_capture_on_commit_callbacks(execute=True):
        create_article(article_index, "Made ahead", featured_image=hero, body=[figure(chart)])

    def made(image):
        return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))

    assert made(hero) == set(renditions.specs(renditions.HERO, renditions.SHARE, renditions.CARD))
    assert made(chart) == set(renditions.specs(renditions.BODY))


@pytest.mark.django_db
def test_a_reader_after_publishing_causes_no_rendition_to_be_made(
    hcp_client, article_index, topics, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        create_article(
            article_index, "Related", topics=[topics["mrd"]], featured_image=create_image()
        )
        article = create_article(
            article_index,
            "Made ahead",
            topics=[topics["mrd"]],
            featured_image=create_image("Hero"),
            body=[figure(create_image("Chart"))],
        )
    before = Rendition.objects.count()

    response = hcp_client.get(article.url)

    assert len(pictures(response)) == 3
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_a_second_render_makes_no_new_renditions(hcp_client, illustrated):
    hcp_client.get(illustrated.url)
    made_by_the_first = Rendition.objects.count()

    hcp_client.get(illustrated.url)

    assert made_by_the_first > 0
    assert Rendition.objects.count() == made_by_the_first


@pytest.mark.django_db
def test_the_demo_content_comes_with_its_renditions(hcp_client):
    load_demo_content()
    before = Rendition.objects.count()

    for url in ("/en/", "/en/articles/", "/en/funders/", ArticlePage.objects.live().first().url):
        assert hcp_client.get(url).status_code == 200

    assert before > 0
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_the_renditions_are_made_by_the_worker_not_in_the_publishing_request(
    article_index, topics, waiting_queue, django_capture_on_commit_callbacks
):
    from articles.tasks import make_reader_renditions

    hero = create_image("Hero")
    with django_capture_on_commit_callbacks(execute=True):
        article = create_article(article_index, "Made by the worker", featured_image=hero)

    assert not Rendition.objects.filter(image=hero).exists()
    (queued,) = [r for r in waiting_queue.results if r.task.name == "make_reader_renditions"]
    assert queued.args == [article.pk]

    make_reader_renditions.call(*queued.args)
    made = set(Rendition.objects.filter(image=hero).values_list("filter_spec", flat=True))
    assert made == set(renditions.specs(renditions.HERO, renditions.SHARE, renditions.CARD))
