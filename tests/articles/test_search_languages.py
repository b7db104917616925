"""Search in each language: a reader's words are read with their language's stemming and
stop words, in the reader's language only, on whichever database runs (SQLite or
PostgreSQL)."""

import datetime
from io import StringIO

import pytest

from django.core.management import call_command

from articles.models import ArticleSearchDocument
from tests.articles.conftest import translated_index
from tests.articles.factories import create_article
from tests.articles.test_search import result_titles
from tests.caches import empty_caches
from tests.publishing import publish_certified

# The search page with every cache empty: the gate, the footer, the language links, the
# locale, the count, one page of results and what their cards show. The same whatever
# the number of articles shown.
SEARCH_PAGE_CEILING = 13


@pytest.fixture
def french_index(home):
    return translated_index(home, "fr", "Articles", "articles")


@pytest.fixture
def german_index(home):
    return translated_index(home, "de", "Artikel", "artikel")


def search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return result_titles(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("index", "singular", "plural"),
    [
        pytest.param("article_index", "Outcomes after a transplant", "transplants", id="en"),
        pytest.param("spanish_index", "Resultados del trasplante", "trasplantes", id="es"),
        pytest.param("french_index", "Greffe de moelle osseuse", "greffes", id="fr"),
        pytest.param(
            "german_index", "Ergebnisse nach der Transplantation", "Transplantationen", id="de"
        ),
    ],
)
def test_a_plural_finds_the_singular(hcp_client, request, index, singular, plural):
    index = request.getfixturevalue(index)
    create_article(index, singular, summary=singular)
    create_article(index, "Chemotherapy", summary="Chemotherapy")

    assert search(hcp_client, index.locale.language_code, plural) == [singular]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "typed"), [("medula", "médula"), ("médula", "medula"), ("médula", "MÉDULA")]
)
def test_accents_do_not_matter(hcp_client, spanish_index, written, typed):
    create_article(spanish_index, f"Trasplante de {written} ósea", slug="tmo", summary="Resumen.")

    assert search(hcp_client, "es", typed) == [f"Trasplante de {written} ósea"]


@pytest.mark.django_db
def test_a_word_found_in_the_body_text(hcp_client, article_index):
    body = [{"type": "paragraph", "value": "<p>Outcomes after <b>haploidentical</b> grafts.</p>"}]
    create_article(article_index, "A study", body=body, key_data="<p>Median age 24</p>")

    assert search(hcp_client, "en", "graft") == ["A study"]
    assert search(hcp_client, "en", "median") == ["A study"]
    # Markup is not text.
    assert search(hcp_client, "en", "p") == []


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "stop_word"), [("en", "the"), ("es", "los")])
def test_a_stop_word_alone_finds_nothing(
    hcp_client, article_index, spanish_index, language, stop_word
):
    create_article(article_index, "The outcomes of the transplants")
    create_article(spanish_index, "Los resultados de los trasplantes", slug="resultados")

    response = hcp_client.get(f"/{language}/search/", {"q": stop_word})

    assert result_titles(response) == []
    assert response.context["results"].paginator.count == 0


@pytest.mark.django_db
def test_a_stop_word_in_a_query_is_left_out(hcp_client, article_index):
    create_article(article_index, "Outcomes after transplant", summary="A summary.")

    assert search(hcp_client, "en", "the transplants") == ["Outcomes after transplant"]


@pytest.mark.django_db
def test_every_word_is_needed(hcp_client, article_index):
    create_article(article_index, "Kidney transplant", summary="A summary.")
    create_article(article_index, "Marrow transplant", summary="A summary.")

    assert search(hcp_client, "en", "kidney transplants") == ["Kidney transplant"]
    assert search(hcp_client, "en", "kidney marrow") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("english", "spanish", "typed_in_english", "typed_in_spanish"),
    [
        ("Transplant registry", "Transplant registry en España", "transplant", "transplant"),
        # ALL, acute lymphoblastic leukaemia, is a stop word of PostgreSQL's English.
        ("Outcomes in adults with ALL", "Recaída de la ALL en adultos", "ALL", "all"),
    ],
    ids=["word", "acronym"],
)
def test_results_stay_in_the_readers_language(
    hcp_client, article_index, spanish_index, english, spanish, typed_in_english, typed_in_spanish
):
    create_article(article_index, english, summary="A summary.")
    create_article(spanish_index, spanish, slug="en-espanol")

    assert search(hcp_client, "en", typed_in_english) == [english]
    assert search(hcp_client, "es", typed_in_spanish) == [spanish]


@pytest.mark.django_db
def test_a_withdrawn_article_disappears(hcp_client, article_index):
    article = create_article(article_index, "Transplant outcomes")
    assert search(hcp_client, "en", "transplant") == ["Transplant outcomes"]

    article.unpublish()

    assert search(hcp_client, "en", "transplant") == []
    assert not ArticleSearchDocument.objects.filter(page=article).exists()


@pytest.mark.django_db
def test_a_draft_is_not_found_until_published(hcp_client, article_index):
    article = create_article(article_index, "Transplant outcomes", publish=False)
    assert search(hcp_client, "en", "transplant") == []

    publish_certified(article.save_revision())

    assert search(hcp_client, "en", "transplant") == ["Transplant outcomes"]


@pytest.mark.django_db
def test_a_new_revision_replaces_the_words(hcp_client, article_index):
    article = create_article(article_index, "Transplant outcomes", summary="A summary.")
    article.title = "Relapse outcomes"
    publish_certified(article.save_revision())

    assert search(hcp_client, "en", "transplant") == []
    assert search(hcp_client, "en", "relapse") == ["Relapse outcomes"]


@pytest.mark.django_db
def test_a_deleted_article_takes_its_document_with_it(hcp_client, article_index):
    article = create_article(article_index, "Transplant outcomes")

    article.delete()

    assert not ArticleSearchDocument.objects.exists()
    assert search(hcp_client, "en", "transplant") == []


@pytest.mark.django_db
def test_a_title_match_comes_first(hcp_client, article_index):
    # Created first and dated later: neither order would put the title match first.
    body = [{"type": "paragraph", "value": "<p>Results after a transplant.</p>"}]
    create_article(
        article_index,
        "Relapse study",
        summary="A summary.",
        body=body,
        date=datetime.date(2025, 12, 1),
    )
    create_article(
        article_index, "Transplant study", summary="A summary.", date=datetime.date(2025, 1, 1)
    )

    assert search(hcp_client, "en", "transplant") == ["Transplant study", "Relapse study"]


@pytest.mark.django_db
def test_the_rebuild_command_restores_the_index(hcp_client, article_index, spanish_index):
    create_article(article_index, "Transplant outcomes")
    create_article(spanish_index, "Resultados del trasplante", slug="resultados")
    create_article(article_index, "Draft transplant", publish=False)
    ArticleSearchDocument.objects.all().delete()
    assert search(hcp_client, "en", "transplant") == []

    out = StringIO()
    call_command("update_article_search", stdout=out)
    call_command("update_article_search", stdout=out)

    assert out.getvalue().count("Indexed 2 live articles") == 2
    assert ArticleSearchDocument.objects.count() == 2
    assert search(hcp_client, "en", "transplant") == ["Transplant outcomes"]
    assert search(hcp_client, "es", "trasplantes") == ["Resultados del trasplante"]


@pytest.mark.django_db
@pytest.mark.parametrize("articles", [1, 15])
def test_search_page_queries_do_not_grow(
    hcp_client, article_index, topics, django_assert_max_num_queries, articles
):
    for number in range(articles):
        create_article(
            article_index, f"Transplant study {number}", topics=[topics["mrd"], topics["aya"]]
        )
    assert search(hcp_client, "en", "transplants")
    empty_caches()

    with django_assert_max_num_queries(SEARCH_PAGE_CEILING):
        response = hcp_client.get("/en/search/", {"q": "transplants", "page": "2"})

    assert len(result_titles(response)) == (5 if articles == 15 else 1)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["ALL", "all", "All"])
def test_an_acronym_that_is_a_stop_word_is_found(hcp_client, article_index, typed):
    # ALL, acute lymphoblastic leukaemia, is a stop word of PostgreSQL's English.
    create_article(article_index, "Outcomes in adults with ALL", summary="A summary.")
    create_article(article_index, "Outcomes in adults with AML", summary="A summary.")

    assert search(hcp_client, "en", typed) == ["Outcomes in adults with ALL"]


@pytest.mark.django_db
def test_an_acronym_in_the_body_text_is_found_after_one_in_a_title(hcp_client, article_index):
    # Created first and dated later: neither order would put the title match first.
    create_article(
        article_index,
        "Relapse study",
        summary="<p>Adults with ALL in CR2.</p>",
        date=datetime.date(2025, 12, 1),
    )
    create_article(
        article_index, "Outcomes in ALL", summary="A summary.", date=datetime.date(2025, 1, 1)
    )

    assert search(hcp_client, "en", "ALL") == ["Outcomes in ALL", "Relapse study"]
    assert search(hcp_client, "en", "cr2") == ["Relapse study"]


@pytest.mark.django_db
def test_an_acronym_is_needed_beside_other_words(hcp_client, article_index):
    create_article(article_index, "Relapse of ALL in adults", summary="A summary.")
    create_article(article_index, "Relapse of AML in adults", summary="A summary.")
    create_article(article_index, "Outcomes in adults with ALL", summary="A summary.")

    assert search(hcp_client, "en", "ALL relapse") == ["Relapse of ALL in adults"]
    assert search(hcp_client, "en", "relapses ALL") == ["Relapse of ALL in adults"]
    assert search(hcp_client, "en", "ALL AML") == []


@pytest.mark.django_db
def test_a_stop_word_alone_finds_nothing_beside_acronyms(hcp_client, article_index):
    create_article(article_index, "The outcomes of ALL in adults", summary="A summary.")

    assert search(hcp_client, "en", "the") == []
    assert search(hcp_client, "en", "the outcomes") == ["The outcomes of ALL in adults"]
