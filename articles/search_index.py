"""The reader search of articles, with each language's own stemming and stop words.

Wagtail's database search backend applies one language's rules to every page, so a Spanish
reader's "trasplantes" missed "trasplante". Here each live article's words are kept in an
``ArticleSearchDocument`` in its own language, and a query is read with the rules of the
reader's language:

- on PostgreSQL, by the built-in text-search configuration of that language (Snowball
  stemmers and stop lists), through ``django.contrib.postgres.search``: each document
  stores its ``tsvector``, under a GIN index;
- on SQLite, which has no such configurations, by the same Snowball stemmers in Python
  (``snowballstemmer``), a short stop list per language and accents folded; the stems are
  stored with the document and matched whole with LIKE.

PostgreSQL's stop lists hold words that are also acronyms: English drops "all", and this is
the ALL Hub (acute lymphoblastic leukaemia); Italian drops "all" too, German "in", Spanish
"la". So there the acronyms of a text (its words in capitals) are also stored as written,
by the 'simple' configuration; a query word typed in capitals must match one of its two
forms, and a query the language drops whole ("all") is read as written. SQLite's short stop
lists leave such words out instead.

Which of the two runs is decided here only (``postgresql()``), besides the vector column's
type (``StoredSearchVectorField``).
"""

import re
import unicodedata
from collections import defaultdict
from functools import cache, reduce
from operator import and_, or_

import snowballstemmer

from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, TextField, Value, When
from django.db.models.lookups import GreaterThan

from wagtail.models import Locale

from articles.models import ArticlePage, ArticleSearchDocument

# Language code → PostgreSQL text-search configuration, which is also the name of the
# Snowball stemmer for the same language; any other language gets 'simple' (no stemming,
# no stop words), in both databases.
CONFIGURATIONS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
}
FALLBACK_CONFIGURATION = "simple"
# Fields whose text is searched besides the title, as ArticlePage.search_fields lists them
# for the admin's search.
BODY_FIELDS = ("summary", "learning_objective", "key_data", "key_learning", "body")
# The words of a text as PostgreSQL's parser splits them, near enough: a hyphenated word is
# its parts, so "dual-center" is found by "dual center" in both databases.
WORD = re.compile(r"\w+")
BATCH_SIZE = 200

# SQLite's stop words: the commonest function words of each language, which would match
# nearly every article. Shorter than PostgreSQL's lists on purpose: "all" stays searchable,
# as ALL is acute lymphoblastic leukaemia. Elided articles ("l'", "d'", "dell'") are
# words of their own once the apostrophe splits them.
STOP_WORDS = {
    "english": """a an and are as at be been but by for from had has have he her his i if in
        into is it its of on or our she so than that the their them then there these they
        this those to was we were what when which who will with you your""",
    "spanish": """a al como con de del e el en entre es esta este ha la las le les lo los o
        para pero por que se sin sobre su sus un una unas uno unos y ya""",
    "french": """a au aux avec c ce ces d dans de des du elle en est et il ils j l la le les
        leur leurs mais n ne ou par pas pour qu que qui s sa se ses son sur un une y""",
    "german": """am an auch auf aus bei das dem den der des die ein eine einem einen einer
        eines es für im in ist mit oder sich sind und vom von zu zum zur""",
    "italian": """a ai al alla alle allo con d da dal dalla dei del della delle dell di e ed
        gli i il in l la le lo nei nel nella o per che si su sua suo tra un una uno""",
    "portuguese": """a ao aos as com da das de do dos e em na nas no nos o os ou para pela
        pelo por que se um uma umas uns""",
}


def configuration(language_code):
    """The text-search configuration (and Snowball stemmer) of a language code."""
    return CONFIGURATIONS.get(language_code.split("-")[0].lower(), FALLBACK_CONFIGURATION)


def fold(word):
    """``word`` without its accents: "médula" → "medula"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def stop_words(config):
    return frozenset(fold(word) for word in STOP_WORDS.get(config, "").split())


def word_stems(text, config):
    """Each word of ``text`` that is not a stop word, as the set of its stems.

    Stemming the word as written and then folding its accents keeps the stemmer's own
    rules for accented endings (Portuguese "-ções"); stemming the folded word matches a
    reader who types no accents. A document stores both; a query word matches either.
    """
    # One stemmer per call: a Snowball stemmer keeps state while it stems, so threads must
    # not share one.
    stemmer = snowballstemmer.stemmer(config) if config in snowballstemmer.algorithms() else None
    stops = stop_words(config)
    found = []
    for word in WORD.findall(text.casefold()):
        folded = fold(word)
        if folded in stops:
            continue
        if stemmer is None:
            found.append(frozenset({folded}))
        else:
            found.append(frozenset({fold(stemmer.stemWord(word)), stemmer.stemWord(folded)}))
    return found


def stored_stems(text, config):
    """The stems of ``text`` as ``ArticleSearchDocument`` stores them for LIKE."""
    stems = sorted(set().union(*word_stems(text, config)))
    return f" {' '.join(stems)} " if stems else ""


def searchable_text(page):
    """The plain text of the page's searched fields besides the title, HTML stripped."""
    parts = []
    for name in BODY_FIELDS:
        field = page._meta.get_field(name)
        value = field.value_from_object(page)
        # Wagtail's rich text and stream fields give their text without markup, as they do
        # for Wagtail's own search index.
        if hasattr(field, "get_searchable_content"):
            parts.extend(field.get_searchable_content(value))
        else:
            parts.append(value)
    return "\n".join(str(part) for part in parts if part)


def postgresql():
    """Whether the database reads text with its own text-search configurations."""
    return connection.vendor == "postgresql"


def acronyms(text):
    """The acronyms of ``text``, lowercased, in order: its words of two or more letters or
    digits written in capitals, such as ALL, MRD, CR2 or HSCT."""
    return [
        word.lower()
        for word in WORD.findall(text)
        # isupper() needs a capital, so that a number such as 2024 is no acronym.
        if len(word) > 1 and word.isalnum() and word.isupper()
    ]


def acronyms_vector(documents, field, weight):
    """The acronyms of each document's ``field`` as 'simple' reads them, which keeps ALL,
    with the weight of the field: one expression for one UPDATE of all the documents."""
    texts = [
        When(pk=doc.pk, then=Value(" ".join(acronyms(getattr(doc, field))))) for doc in documents
    ]
    return SearchVector(
        Case(*texts, default=Value(""), output_field=TextField()),
        config=FALLBACK_CONFIGURATION,
        weight=weight,
    )


def document_for(page, config, with_stems):
    body = searchable_text(page)
    document = ArticleSearchDocument(
        page_id=page.pk, locale_id=page.locale_id, title=page.title, body=body
    )
    if with_stems:
        document.title_stems = stored_stems(page.title, config)
        document.stems = stored_stems(f"{page.title}\n{body}", config)
    return document


def index_pages(pages):
    """Write (or rewrite) the documents of ``pages``, specific ArticlePages, in bulk."""
    # The few locales in one query, rather than each page's in one of its own.
    language_codes = dict(Locale.objects.values_list("pk", "language_code"))
    on_postgresql = postgresql()
    by_config = defaultdict(list)
    for page in pages:
        config = configuration(language_codes[page.locale_id])
        by_config[config].append(document_for(page, config, with_stems=not on_postgresql))
    documents = [document for group in by_config.values() for document in group]
    ArticleSearchDocument.objects.bulk_create(
        documents,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["locale", "title", "body", "title_stems", "stems"],
    )
    if on_postgresql:
        # Made in SQL from the text just stored, where the configurations are: one statement
        # per language, whatever the number of pages.
        for config, group in by_config.items():
            ArticleSearchDocument.objects.filter(pk__in=[doc.pk for doc in group]).update(
                vector=SearchVector("title", config=config, weight="A")
                + SearchVector("body", config=config, weight="B")
                + acronyms_vector(group, "title", "A")
                + acronyms_vector(group, "body", "B")
            )


def index_page(page):
    index_pages([page])


def remove_page(page):
    ArticleSearchDocument.objects.filter(page_id=page.pk).delete()


def rebuild():
    """Index every live article and drop the documents of the rest; returns how many are
    indexed. Running it again changes nothing."""
    live = ArticlePage.objects.live().order_by("pk")
    ArticleSearchDocument.objects.exclude(page__in=live.values("pk")).delete()
    count = 0
    # In batches: a page's stream data is large, and every live article is read.
    for start in range(0, live.count(), BATCH_SIZE):
        batch = list(live[start : start + BATCH_SIZE])
        index_pages(batch)
        count += len(batch)
    return count


def search(articles, locale, terms):
    """``articles`` (an ArticlePage queryset) that contain every word of ``terms`` by the
    rules of ``locale``'s language, best match first."""
    articles = articles.filter(search_document__locale=locale)
    config = configuration(locale.language_code)
    if postgresql():
        return search_postgresql(articles, config, terms)
    return search_stems(articles, config, terms)


def search_postgresql(articles, config, terms):
    # plainto_tsquery: every word required, stop words dropped. The documents of the locale
    # were made with the same configuration.
    language = SearchQuery(terms, config=config, search_type="plain")
    # A word typed in capitals is an acronym, required even where the language drops it:
    # "ALL relapse" needs ALL, whose 'simple' form the documents that write it hold.
    for acronym in dict.fromkeys(acronyms(terms)):
        language &= SearchQuery(acronym, config=config, search_type="plain") | SearchQuery(
            acronym, config=FALLBACK_CONFIGURATION, search_type="plain"
        )
    # A query the language drops whole, such as "all", is read as written instead: it
    # finds the acronym ALL, while "the" finds nothing, as no text writes THE. A lowercase
    # stop word beside other words is still dropped ("the transplants").
    written = SearchQuery(terms, config=FALLBACK_CONFIGURATION, search_type="plain")
    # An empty query vanishes from && and ||, so this is ``language`` when that has words
    # (L and (W or L) is L) and ``written`` when it has none. Chosen so rather than with
    # CASE, as the ranking's query is, because the vector's lookup takes only SearchQuery
    # and its combinations.
    query = language & (written | language)
    # Ranked by the query in use alone: ts_rank of ``query`` would look for the written
    # forms too, which most articles lack, and rank them all near zero.
    has_words = GreaterThan(Func(language, function="numnode", output_field=IntegerField()), 0)
    # Django infers no type for a combination of SearchQuery, hence the explicit one.
    ranked = Case(When(has_words, then=language), default=written, output_field=SearchQueryField())
    vector = F("search_document__vector")
    return (
        articles.filter(search_document__vector=query)
        .annotate(rank=SearchRank(vector, ranked))
        .order_by("-rank", "-date", "-pk")
    )


def search_stems(articles, config, terms):
    # Each word once: a query repeating a word asks nothing more.
    words = list(dict.fromkeys(word_stems(terms, config)))
    if not words:
        return articles.none()

    def contains(column, stems):
        return reduce(or_, (Q(**{f"{column}__contains": f" {stem} "}) for stem in stems))

    matches = reduce(and_, (contains("search_document__stems", stems) for stems in words))
    # Articles with more of the words in their title first.
    title_words = reduce(
        lambda total, stems: (
            total
            + Case(
                When(contains("search_document__title_stems", stems), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ),
        words,
        Value(0, output_field=IntegerField()),
    )
    # Annotated before filtering, so that the filter makes the join an inner one.
    return articles.annotate(rank=title_words).filter(matches).order_by("-rank", "-date", "-pk")
