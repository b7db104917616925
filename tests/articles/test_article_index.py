import datetime

import pytest

from tests.articles.factories import create_article, create_image, create_topic
from tests.kept_rows import kept


@pytest.fixture
@kept
def eight_articles(article_index, topics):
    """Eight live articles a day apart, newest first; the odd ones are about MRD."""
    articles = []
    for number in range(8):
        articles.append(
            create_article(
                article_index,
                f"Article {number}",
                date=datetime.date(2025, 10, 24) - datetime.timedelta(days=number),
                topics=[topics["mrd"]] if number % 2 else [topics["aya"]],
            )
        )
    return articles


def titles(response):
    return [article.title for article in response.context["articles"]]


@pytest.mark.django_db
def test_index_lists_live_articles_newest_first_six_a_page(
    hcp_client, article_index, eight_articles
):
    create_article(article_index, "A draft", publish=False)

    first = hcp_client.get(article_index.url)
    second = hcp_client.get(article_index.url, {"page": 2})

    assert first.status_code == second.status_code == 200
    assert titles(first) == [f"Article {number}" for number in range(6)]
    assert titles(second) == ["Article 6", "Article 7"]
    assert 'rel="next"' in first.text
    assert "Page 1 of 2" in first.text
    assert 'rel="prev"' in second.text


@pytest.mark.django_db
def test_index_card_shows_title_date_topics_summary_and_thumbnail(
    hcp_client, article_index, topics
):
    create_article(
        article_index,
        "With image",
        topics=[topics["mrd"], topics["aya"]],
        featured_image=create_image(),
        summary="word " * 60,
    )
    create_article(article_index, "Without image", date=datetime.date(2025, 1, 2))

    html = hcp_client.get(article_index.url).text
    with_image = html[html.find("With image") : html.find("Without image")]
    without_image = html[html.find("Without image") :]

    assert '<time datetime="2025-10-24">Oct 24, 2025</time>' in with_image
    assert "<li>MRD</li><li>AYA</li>" in with_image
    assert "fill-480x270" in with_image
    assert 'loading="lazy"' in with_image
    assert ("word " * 40).strip() + " …" in with_image
    assert "fill-480x270" not in without_image[: without_image.find("</article>")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "expected_first"),
    [
        ("0", "Article 0"),
        ("-3", "Article 0"),
        ("abc", "Article 0"),
        ("", "Article 0"),
        ("1.5", "Article 0"),
        ("3", "Article 6"),
        ("99999999999999999999999999", "Article 6"),
        ("9" * 5000, "Article 0"),
    ],
)
def test_a_bad_page_number_gives_the_nearest_page(
    hcp_client, article_index, eight_articles, page, expected_first
):
    response = hcp_client.get(article_index.url, {"page": page})

    assert response.status_code == 200
    assert titles(response)[0] == expected_first


@pytest.mark.django_db
def test_index_filters_by_topic(hcp_client, article_index, eight_articles):
    response = hcp_client.get(article_index.url, {"topic": "mrd"})

    assert response.status_code == 200
    assert titles(response) == ["Article 1", "Article 3", "Article 5", "Article 7"]
    assert response.context["current_topic"].slug == "mrd"
    assert '<a href="/en/articles/?topic=mrd" aria-current="page">MRD</a>' in response.text
    assert "<h1>Articles: MRD</h1>" in response.text


@pytest.mark.django_db
def test_topic_filter_keeps_its_topic_when_paging(hcp_client, article_index, topics):
    for number in range(7):
        create_article(article_index, f"MRD {number}", topics=[topics["mrd"]])

    first = hcp_client.get(article_index.url, {"topic": "mrd"})
    second = hcp_client.get(article_index.url, {"topic": "mrd", "page": "2"})

    assert 'href="?topic=mrd&amp;page=2"' in first.text
    assert len(second.context["articles"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("topic", ["no-such-topic", "<script>", "x" * 10_000, "MRD"])
def test_an_unknown_topic_shows_all_articles_with_a_notice(
    hcp_client, article_index, eight_articles, topic
):
    response = hcp_client.get(article_index.url, {"topic": topic})

    assert response.status_code == 200
    assert len(response.context["articles"]) == 6
    assert "There is no such topic, so all articles are shown." in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


@pytest.mark.django_db
def test_topic_filter_lists_only_live_topics_with_articles(hcp_client, article_index, topics):
    draft = create_topic("Draft topic", slug="draft-topic", live=False)
    create_article(article_index, "Tagged", topics=[topics["mrd"], draft])

    response = hcp_client.get(article_index.url)

    assert [topic.slug for topic in response.context["topics"]] == ["mrd"]
    assert "Draft topic" not in response.text
    assert (
        hcp_client.get(article_index.url, {"topic": "draft-topic"}).context["current_topic"] is None
    )


@pytest.mark.django_db
def test_an_empty_index_says_so(hcp_client, article_index):
    response = hcp_client.get(article_index.url)

    assert response.status_code == 200
    assert "No articles have been published yet." in response.text
