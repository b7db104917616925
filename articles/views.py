import re

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from articles import search_index
from articles.models import ArticlePage
from hub_site.pagination import paginate

RESULTS_PER_PAGE = 10
# Longer queries are cut: nobody types more, and it bounds the work one request can ask for.
MAX_QUERY_LENGTH = 200
# Only words reach the search: quotes and operators in a reader's query must not be read as
# full-text query syntax, nor LIKE's wildcards.
WORD = re.compile(r"\w+")


@require_GET
def search(request):
    """Search the live articles of the reader's language: /<lang>/search/?q=MRD."""
    query = " ".join(request.GET.get("q", "")[:MAX_QUERY_LENGTH].split())
    results = None
    if query:
        terms = " ".join(WORD.findall(query))
        articles = ArticlePage.objects.none()
        if terms:
            # In the reader's language, by its rules (articles/search_index.py).
            articles = search_index.search(
                ArticlePage.objects.readable().for_cards(), Locale.get_active(), terms
            )
        results = paginate(articles, request.GET.get("page"), RESULTS_PER_PAGE)
    return TemplateResponse(
        request, "articles/search.html", {"search_query": query, "results": results}
    )
