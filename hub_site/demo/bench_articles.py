"""Benchmark articles: thousands of live English articles at once (``manage.py bench_articles``).

Publishing one article the usual way (``add_child``, ``save_revision``, review, publish)
costs dozens of queries and signal handlers: 20,000 would take tens of minutes. Here each
batch of articles is written with a few bulk inserts that leave the rows as publication
leaves them:

- the page rows: treebeard's materialized paths continue after the index's last child,
  ``url_path`` is Wagtail's own (``set_url_path``), and the index's ``numchild`` is set
  once at the end, so ``manage.py fixtree`` finds nothing to fix;
- each article's own row, its topic links, and one revision holding its content, which
  is the page's live and latest revision (an editor edits and publishes it as any other);
- a legacy certificate per revision, the record ``record_legacy_certificates`` writes for
  content live before certification, made by the same function; without the HTML readers
  get, which legacy records may lack and which would mean rendering every page;
- the entries of every auto-updated search backend, through the backend's bulk call, as
  ``update_index`` writes them (for these articles only), and reader search's documents
  (``articles/search_index.py``), which publishing writes through a signal.

Bulk inserts send no signals. For English articles without images the receivers that
publishing runs have nothing else to do here (the guard against uncertified pages is
satisfied by the certificates; renditions, translation records and workflow assignment
concern images, other languages and new trees); the page caches are told once, when the
index is saved. Left out: log entries (each page's history starts at its next edit) and
Wagtail's reference index (the admin's usage counts of topics leave these articles out).
"""

import datetime
from html import escape
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, Revision
from wagtail.search.backends import get_search_backends

from articles import search_index
from articles.models import ArticleIndexPage, ArticlePage, ArticlePageTopic, Topic
from hub_site.certification.issue import legacy_certificate
from hub_site.certification.models import Certificate

SLUG_PREFIX = "bench-"
BATCH_SIZE = 1000
# Dates go back a day per article and start again after ten years, so lists sorted by
# date interleave old and new articles as a real archive does.
DATE_SPREAD_DAYS = 3650
NOTICE = "Generated benchmark content (manage.py bench_articles): it is not medical information."


class BenchSetupError(Exception):
    """What the database lacks for benchmark articles (the demo content)."""


class Added(NamedTuple):
    index_url: str
    first_slug: str
    last_slug: str


def slug_of(number):
    return f"{SLUG_PREFIX}{number:05d}"


def english_index():
    locale = Locale.objects.filter(language_code="en").first()
    index = ArticleIndexPage.objects.filter(locale=locale).first() if locale else None
    if index is None:
        raise BenchSetupError(
            "No English article index: load the demo content first (manage.py load_demo)."
        )
    return index


def live_topics(locale):
    topics = list(Topic.objects.filter(live=True, locale=locale).order_by("pk"))
    if not topics:
        raise BenchSetupError(
            "No live English topics: load the demo content first (manage.py load_demo)."
        )
    return topics


def last_bench_number(index):
    """The highest number among the index's ``bench-NNNNN`` children (0 when none)."""
    slugs = ArticlePage.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX)
    numbers = (slug.removeprefix(SLUG_PREFIX) for slug in slugs.values_list("slug", flat=True))
    return max((int(number) for number in numbers if number.isdigit()), default=0)


def child_paths(parent, count):
    """The paths of ``count`` new children after the parent's last, numbered as treebeard
    numbers them: ``steplen`` digits of ``alphabet`` per level."""
    base, steplen = len(Page.alphabet), Page.steplen
    last_child = parent.get_last_child()
    first = 1
    if last_child is not None:
        first = 0
        for digit in last_child.path[-steplen:]:
            first = first * base + Page.alphabet.index(digit)
        first += 1
    if first + count - 1 >= base**steplen:
        raise BenchSetupError(
            f"{parent.title} has room for {base**steplen - first} more children, not {count}."
        )
    paths = []
    for number in range(first, first + count):
        digits = []
        for _ in range(steplen):
            number, digit = divmod(number, base)
            digits.append(Page.alphabet[digit])
        paths.append(parent.path + "".join(reversed(digits)))
    return paths


def topics_of(number, topics):
    """One or two topics, in turn, so every topic has articles and related-article lists."""
    first = topics[number % len(topics)]
    second = topics[(number + 1) % len(topics)]
    return [first] if number % 2 or second == first else [first, second]


def body(subject):
    text = (
        f"This paragraph stands in for the discussion of {subject}. A real article has "
        "several paragraphs, a table or a figure, and references."
    )
    return [
        {"type": "heading", "value": {"text": "Generated findings", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{escape(text)}</p>"},
        {
            "type": "callout",
            "value": {"tone": "caution", "heading": "", "text": f"<p>{escape(NOTICE)}</p>"},
        },
    ]


def build_article(index, path, number, topics, now):
    """An unsaved live article whose fields are as publication leaves them."""
    subject = " and ".join(topic.name for topic in topics)
    title = f"Benchmark article {number}: {subject}"
    article = ArticlePage(
        path=path,
        depth=index.depth + 1,
        numchild=0,
        locale=index.locale,
        title=title,
        draft_title=title,
        slug=slug_of(number),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        latest_revision_created_at=now,
        date=timezone.localdate(now) - datetime.timedelta(days=(number - 1) % DATE_SPREAD_DAYS),
        summary=f"A generated summary of article {number}, about {subject}. {NOTICE}",
        learning_objective=(
            f"After reading this article, learners will be able to name one generated "
            f"finding about {subject}."
        ),
        body=body(subject),
        topic_links=[
            ArticlePageTopic(topic=topic, locale=index.locale, sort_order=order)
            for order, topic in enumerate(topics)
        ],
        # A new page has no comments: said here, serializing its revision asks the
        # database nothing.
        **{COMMENTS_RELATION_NAME: []},
    )
    article.set_url_path(index)
    return article


def insert_article_rows(articles):
    """Write each article's row of ArticlePage's own table.

    Django's ``bulk_create`` refuses models with a parent table, and saving the rows one
    by one would run every save signal handler 20,000 times, so the INSERT is written here
    from the model's field metadata, with values prepared by each field as ``save`` does.
    """
    # Many-to-many fields (the funded programmes) have a table of their own, not a column.
    fields = [
        field
        for field in ArticlePage._meta.get_fields(include_parents=False)
        if field.concrete and not field.many_to_many
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(getattr(article, field.attname), connection) for field in fields]
        for article in articles
    ]
    table = quote(ArticlePage._meta.db_table)
    # Table and column names come from the model, quoted; the values are parameters.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def create_batch(index, paths, first_number, topics, now):
    articles = [
        build_article(index, path, number, topics_of(number, topics), now)
        for number, path in enumerate(paths, start=first_number)
    ]
    # Page's own table first: its rows give the articles their ids.
    page_fields = [field.attname for field in Page._meta.get_fields() if field.concrete]
    pages = Page.objects.bulk_create(
        [Page(**{name: getattr(article, name) for name in page_fields}) for article in articles]
    )
    for article, page in zip(articles, pages, strict=True):
        article.page_ptr = page  # sets the article's id too
    insert_article_rows(articles)
    ArticlePageTopic.objects.bulk_create(
        [link for article in articles for link in article.topic_links.all()]
    )

    page_type = index.get_base_content_type()
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=article.content_type_id,
                base_content_type=page_type,
                object_id=str(article.pk),
                created_at=now,
                object_str=article.title,
                content=article.serializable_data(),
            )
            for article in articles
        ]
    )
    # Each page's one revision is its live and latest; one UPDATE finds them by the
    # revisions' own index (bulk_update would spell out 1,000 pairs, twice).
    revision_of_page = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).values("pk")
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        live_revision=Subquery(revision_of_page), latest_revision=Subquery(revision_of_page)
    )

    Certificate.objects.bulk_create(
        [
            legacy_certificate(revision, article)
            for article, revision in zip(articles, revisions, strict=True)
        ]
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, articles)
    search_index.index_pages(articles)


@transaction.atomic
def create_bench_articles(count, batch_size=BATCH_SIZE):
    """Add ``count`` live articles under the English index, all or none."""
    index = english_index()
    topics = live_topics(index.locale)
    first_number = last_bench_number(index) + 1
    paths = child_paths(index, count)
    now = timezone.now()
    for start in range(0, count, batch_size):
        create_batch(index, paths[start : start + batch_size], first_number + start, topics, now)
    # A plain save rather than an UPDATE: whatever watches for changed pages (the page
    # caches) learns that the index lists new articles.
    index.numchild = index.get_children().count()
    index.save(update_fields=["numchild"], clean=False)
    return Added(index.url, slug_of(first_number), slug_of(first_number + count - 1))
