"""manage.py bench_articles: bulk-made articles are real, published, certified articles."""

import datetime
import re
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from hub_site.certification.models import Certificate
from tests.articles.factories import create_article
from tests.demo_rows import load_demo_content
from tests.publishing import publish_certified

COUNT = 30
NO_PROBLEMS = ([], [], [], [], [])


def bench_articles():
    return ArticlePage.objects.filter(slug__startswith="bench-")


def run_bench(*args):
    out = StringIO()
    call_command("bench_articles", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def index(article_index, topics):
    """The English index with live topics and two articles already in it: the new pages'
    paths continue after theirs."""
    for number, topic in enumerate(("mrd", "aya")):
        create_article(
            article_index,
            f"Earlier article {number}",
            topics=[topics[topic]],
            date=datetime.date(2025, 10, 24),
        )
    return ArticleIndexPage.objects.get(pk=article_index.pk)


@pytest.fixture
def output(index):
    return run_bench("--count", str(COUNT))


@pytest.mark.django_db
def test_it_adds_live_published_certified_articles_in_a_valid_tree(index, output):
    articles = list(bench_articles().child_of(index).select_related("live_revision"))

    assert len(articles) == COUNT
    assert f"Added {COUNT} live articles under /en/articles/ (bench-00001 to bench-00030)" in (
        output
    )
    assert "ANALYZE" in output
    assert Page.find_problems() == NO_PROBLEMS
    assert ArticlePage.objects.child_of(index).count() == COUNT + 2
    for article in articles:
        assert article.live and not article.has_unpublished_changes
        assert article.url == f"/en/articles/{article.slug}/"
        assert article.title and article.summary and article.learning_objective
        assert len(article.body) > 0
        assert 1 <= len(article.live_topics) <= 2
        assert article.live_revision is not None
        assert article.latest_revision_id == article.live_revision_id
        assert article.live_revision.as_object().summary == article.summary
        certificate = Certificate.objects.get(revision_id=article.live_revision_id)
        assert certificate.is_legacy
        assert certificate.url == article.url


@pytest.mark.django_db
def test_a_bench_article_reads_like_any_other(hcp_client, output):
    article = bench_articles().get(slug="bench-00002")

    response = hcp_client.get(article.url)

    assert response.status_code == 200
    assert article.learning_objective in response.text
    related = response.text.partition('class="related-articles"')[2].partition("</section>")[0]
    assert re.findall(r'href="/en/articles/bench-\d+/"', related)


@pytest.mark.django_db
def test_the_index_lists_and_filters_bench_articles(hcp_client, index, output):
    # bench-00001 is dated today, ahead of every other article.
    first_page = hcp_client.get(index.url)
    topic = bench_articles().get(slug="bench-00001").live_topics[0]
    filtered = hcp_client.get(index.url, {"topic": topic.slug, "page": 2})

    assert first_page.status_code == filtered.status_code == 200
    assert first_page.context["articles"][0].slug == "bench-00001"
    assert filtered.context["current_topic"] == topic
    listed = list(filtered.context["articles"])
    assert listed and all(topic in article.live_topics for article in listed)


@pytest.mark.django_db
def test_search_finds_bench_articles(hcp_client, output):
    response = hcp_client.get("/en/search/", {"q": "benchmark article 7"})

    assert response.status_code == 200
    assert "bench-00007" in [article.slug for article in response.context["results"]]


@pytest.mark.django_db
def test_an_editor_publishes_a_new_revision_of_a_bench_article(hcp_client, output):
    editor = get_user_model().objects.create_user("bench-editor", password="pw")
    article = bench_articles().get(slug="bench-00003")
    draft = article.get_latest_revision_as_object()
    draft.summary = "An edited summary."

    publish_certified(draft.save_revision(user=editor), user=editor)

    article.refresh_from_db()
    assert article.summary == "An edited summary."
    assert article.live_revision.user == editor
    assert Certificate.objects.for_object(article).count() == 2
    assert "An edited summary." in hcp_client.get(article.url).text
    assert Page.find_problems() == NO_PROBLEMS


@pytest.mark.django_db
def test_running_it_again_adds_more(index, output):
    again = run_bench("--count", "5")

    assert "(bench-00031 to bench-00035)" in again
    assert bench_articles().child_of(index).count() == COUNT + 5
    assert Page.find_problems() == NO_PROBLEMS


@pytest.mark.django_db
def test_it_runs_on_the_demo_content(hcp_client):
    load_demo_content()
    call_command("record_legacy_certificates", stdout=StringIO())
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    before = ArticlePage.objects.child_of(index).count()

    run_bench("--count", str(COUNT))

    assert ArticlePage.objects.child_of(index).live().count() == before + COUNT
    assert Page.find_problems() == NO_PROBLEMS
    article = bench_articles().get(slug="bench-00030")
    assert hcp_client.get(article.url).status_code == 200
    # Every live page is certified already: nothing is left to record as legacy.
    again = StringIO()
    call_command("record_legacy_certificates", stdout=again)
    assert again.getvalue().startswith("0 live page(s)")


@pytest.mark.django_db
def test_without_the_demo_content_it_says_so_and_adds_nothing():
    with pytest.raises(CommandError, match="load_demo"):
        run_bench("--count", "3")

    assert not bench_articles().exists()


@pytest.mark.django_db
@pytest.mark.parametrize("count", ["0", "-5", "many"])
def test_the_count_must_be_a_whole_number_above_zero(count):
    with pytest.raises(CommandError, match="whole number above 0"):
        run_bench("--count", count)
