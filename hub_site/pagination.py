"""Pagination that never fails on a reader's ?page= value."""

from django.core.paginator import Paginator


def paginate(object_list, page_number, per_page):
    """Return the page of ``object_list`` nearest to ``page_number``.

    Anything that is not a whole number gives the first page; numbers below 1 give the first
    page and numbers past the end give the last, so a stale or tampered link still shows a list.
    """
    paginator = Paginator(object_list, per_page)
    try:
        number = int(page_number)
    except (TypeError, ValueError):
        number = 1
    return paginator.page(min(max(number, 1), paginator.num_pages))
