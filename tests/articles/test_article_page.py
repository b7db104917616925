import datetime
import json
import re

import pytest

from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from articles.models import ArticlePage, Topic
from tests.articles.factories import create_article, create_image, create_topic, reference
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Patient characteristics", "level": "h2"}},
    {"type": "paragraph", "value": "<p>A <b>bold</b> paragraph.</p>"},
    {"type": "quote", "value": {"quote": "A quotable line.", "attribution": "An investigator"}},
    {"type": "callout", "value": {"tone": "note", "heading": "Mind", "text": "<p>Callout.</p>"}},
    {
        "type": "table",
        "value": {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Outcomes at 3 years",
            "data": [["Outcome", "Rate"], ["Overall survival", "53%"]],
        },
    },
]


@pytest.fixture
def article(article_index, topics):
    image = create_image("Figure")
    return create_article(
        article_index,
        "Allogeneic HSCT in CR2",
        topics=[topics["transplantation"], topics["mrd"]],
        key_data="<p>MRD positivity predicted worse PFS (p &lt; 0.001).</p>",
        key_learning="<p>Risk-adapted transplant strategies.</p>",
        body=[
            *BODY,
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Survival curves", "caption": "Fig 1"},
            },
        ],
        references=[
            reference(1, doi="10.1002/ajh.12345", pmid="12345678"),
            reference(2, url="https://example.org/second"),
        ],
        featured_image=image,
        search_description="What the study found.",
    )


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD script"
    return json.loads(match.group(1))


def test_article_page_shows_every_part_in_reading_order(hcp_client, article):
    response = hcp_client.get(article.url)

    assert response.status_code == 200
    html = response.text
    parts = [
        "<h1>Allogeneic HSCT in CR2</h1>",
        '<time datetime="2025-10-24">Oct 24, 2025</time>',
        "<li>Transplantation</li><li>MRD</li>",
        "<strong>Learning objective:</strong> Learners will be able to cite a new development.",
        "The summary of Allogeneic HSCT in CR2.",
        '<h2 id="key-data">Key data</h2>',
        "MRD positivity predicted worse PFS (p &lt; 0.001).",
        '<h2 id="key-learning">Key learning</h2>',
        "Risk-adapted transplant strategies.",
        '<h2 class="article-heading">Patient characteristics</h2>',
        "A <b>bold</b> paragraph.",
        "<blockquote><p>A quotable line.</p></blockquote>",
        '<p class="callout__label">Mind</p>',
        "<caption>Outcomes at 3 years</caption>",
        'alt="Survival curves"',
        "<figcaption>Fig 1</figcaption>",
        '<h2 id="references">References</h2>',
    ]
    positions = [html.find(part) for part in parts]
    assert -1 not in positions, [part for part in parts if part not in html]
    assert positions == sorted(positions)


def test_references_are_a_numbered_list_with_doi_and_pubmed_links(hcp_client, article):
    html = hcp_client.get(article.url).text
    references = html[html.find('<section class="references"') :]
    references = references[: references.find("</section>")]

    assert references.count("<li>") == 2
    assert "<ol>" in references
    assert "Author1 A, et al. Cited study 1. Am J Hematol. 2025;100(3):1-10." in references
    assert '<a class="reference__link" href="https://doi.org/10.1002/ajh.12345">' in references
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in references
    assert 'href="https://example.org/second"' in references


def test_draft_topics_are_hidden_from_readers(hcp_client, article_index):
    draft = create_topic("Not yet", slug="not-yet", live=False)
    live = create_topic("Live topic", slug="live-topic")
    article = create_article(article_index, "Tagged", topics=[draft, live])

    html = hcp_client.get(article.url).text

    assert "Live topic" in html
    assert "Not yet" not in html


def test_featured_image_is_shown_as_webp_with_a_jpeg_fallback(hcp_client, article):
    html = hcp_client.get(article.url).text
    hero = html[html.find('<div class="article__image">') :]
    hero = hero[: hero.find("</div>")]

    assert 'type="image/webp"' in hero
    assert 'width="1200"' in hero
    assert 'height="630"' in hero
    assert "fill-1200x630.format-jpeg" in hero


def test_article_has_open_graph_tags(hcp_client, article):
    html = hcp_client.get(article.url).text

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Allogeneic HSCT in CR2">' in html
    assert '<meta property="og:description" content="What the study found.">' in html
    assert f'<meta property="og:url" content="{article.full_url}">' in html
    assert re.search(r'<meta property="og:image" content="http://[^"]+fill-1200x630', html)
    assert '<meta property="article:published_time" content="2025-10-24">' in html
    assert '<meta property="article:tag" content="MRD">' in html


def test_article_has_medical_scholarly_article_json_ld(hcp_client, article):
    data = json_ld(hcp_client.get(article.url).text)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalScholarlyArticle"
    assert data["headline"] == "Allogeneic HSCT in CR2"
    assert data["datePublished"] == "2025-10-24"
    assert data["inLanguage"] == "en"
    assert data["url"] == article.full_url
    assert data["teaches"] == "Learners will be able to cite a new development."
    assert data["keywords"] == ["Transplantation", "MRD"]
    assert len(data["citation"]) == 2
    assert data["citation"][0]["identifier"][0] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.1002/ajh.12345",
    }
    assert data["image"].startswith("http://")


def test_json_ld_cannot_be_broken_out_of_by_a_title(hcp_client, article_index):
    title = "Evil </script><script>alert(1)</script> & more"
    article = create_article(article_index, title, slug="evil")

    html = hcp_client.get(article.url).text

    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == title


def test_related_articles_share_a_topic_newest_first(hcp_client, article_index, topics):
    mrd, aya = topics["mrd"], topics["aya"]
    article = create_article(article_index, "The article", topics=[mrd])
    older = create_article(article_index, "Older MRD", topics=[mrd], date=datetime.date(2025, 1, 1))
    newer = create_article(
        article_index, "Newer MRD", topics=[mrd, aya], date=datetime.date(2025, 9, 1)
    )
    create_article(article_index, "Other topic", topics=[aya])
    create_article(article_index, "Draft MRD", topics=[mrd], publish=False)

    response = hcp_client.get(article.url)

    assert [page.pk for page in response.context["related_articles"]] == [newer.pk, older.pk]
    html = response.text
    related = html[html.find('<section class="related-articles"') :]
    assert related.find("Newer MRD") < related.find("Older MRD")
    assert "Other topic" not in related
    assert "Draft MRD" not in related


def test_related_articles_are_a_handful(hcp_client, article_index, topics):
    article = create_article(article_index, "The article", topics=[topics["mrd"]])
    for number in range(6):
        create_article(article_index, f"Related {number}", topics=[topics["mrd"]])

    response = hcp_client.get(article.url)

    assert len(response.context["related_articles"]) == 4


def test_an_article_without_topics_has_no_related_section(hcp_client, article_index):
    article = create_article(article_index, "Loner")
    create_article(article_index, "Someone else")

    html = hcp_client.get(article.url).text

    assert "Related articles" not in html


def test_article_foot_block_sits_between_the_article_and_related_articles(article_index, topics):
    article = create_article(article_index, "The article", topics=[topics["mrd"]])
    create_article(article_index, "A related one", topics=[topics["mrd"]])
    request = RequestFactory().get(article.url)
    template = Template(
        '{% extends "articles/article_page.html" %}'
        "{% block article_foot %}<p>SURVEY AND POLL</p>{% endblock %}"
    )

    html = template.render(Context(article.get_context(request)))

    assert html.find("</article>") < html.find("SURVEY AND POLL") < html.find("Related articles")


def test_spanish_translation_has_spanish_topics_and_a_spanish_date(
    hcp_client, article, topics, django_capture_on_commit_callbacks
):
    spanish = Locale.objects.get(language_code="es")

    # wagtail-localize publishes translations once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(article, [spanish])
    spanish_topic = Topic.objects.get(locale=spanish, translation_key=topics["mrd"].translation_key)
    spanish_topic.name = "ERM"
    publish_certified(spanish_topic.save_revision())
    translation = ArticlePage.objects.get(locale=spanish, translation_key=article.translation_key)
    # A new translation is a draft until its review certifies it (hub_site/certification).
    publish_certified(translation.get_latest_revision())
    translation.refresh_from_db()

    response = hcp_client.get(translation.url)

    assert translation.url.startswith("/es/")
    assert response.status_code == 200
    assert '<time datetime="2025-10-24">24 de octubre de 2025</time>' in response.text
    assert "<li>ERM</li>" in response.text
    # Synchronized: the date, the references and the featured image are the source's.
    assert translation.date == article.date
    assert translation.featured_image_id == article.featured_image_id
    assert translation.references.raw_data[0]["value"] == article.references.raw_data[0]["value"]
    # Translated: each topic link points at the Spanish translation of the topic.
    assert {link.topic.locale_id for link in translation.topic_links.all()} == {spanish.pk}
    assert spanish_topic.slug == "mrd"


def test_unpublished_article_is_not_served(hcp_client, article_index):
    draft = create_article(article_index, "Draft", publish=False)

    response = hcp_client.get("/en/articles/draft/")

    assert draft.live is False
    assert response.status_code == 404


def test_an_article_whose_image_file_is_missing_still_renders(hcp_client, article_index):
    image = create_image("Lost")
    image.file.storage.delete(image.file.name)
    article = create_article(article_index, "Lost image", featured_image=image)

    response = hcp_client.get(article.url)

    assert response.status_code == 200
    assert "<h1>Lost image</h1>" in response.text
