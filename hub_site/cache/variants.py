"""One cached copy per page variant: the query parameters pages use, and nothing else.

A page's copy is keyed on its path and the few query parameters reader pages read
(``settings.PAGE_VARIANT_PARAMETERS``: pagination, the topic filter, the search query, the
article a survey answers for); any other parameter (``?utm_source=…``, a cache-buster) is
left out of the key, so it shares the page's copy instead of making one nobody purges.
nginx builds the same key (deploy/nginx.conf: ``$arg_<name>`` for each, in this order), so
a purge of the URL the app indexed retires exactly the copy the edge holds.

To make the copy true for every URL that shares the key, a page request that may be
shared is rendered from the key's parameters only (``VariantMiddleware``), read as nginx
reads them: the first occurrence of each name, whatever its case, undecoded. A variant
whose values are not in their plain form (``page=%32``, ``page=02``) could be reached
under keys the app never indexed, so it is rendered for the reader but not kept.
"""

import re
from urllib.parse import quote, unquote_plus, urlencode

from django.conf import settings
from django.http import QueryDict

from hub_site.gate.access import WAGTAIL_PAGE_VIEW_NAME

# What a plain value may contain: unreserved characters, and "+" for a space (the forms'
# encoding), as ``quote`` leaves them.
PLAIN_VALUE = re.compile(r"[A-Za-z0-9_.~+-]*")
# Where the request keeps the query it arrived with, once the page's is reduced to the kept
# parameters.
ORIGINAL_QUERY = "hub_original_query"


def parameters():
    return settings.PAGE_VARIANT_PARAMETERS


def raw_values(query_string):
    """{name: raw value} of the kept parameters, as nginx's ``$arg_<name>`` reads them."""
    found = {}
    names = {name.lower(): name for name in parameters()}
    for pair in query_string.split("&"):
        raw_name, _equals, raw_value = pair.partition("=")
        name = names.get(raw_name.lower())
        if name is not None and name not in found:
            found[name] = raw_value
    return found


def is_plain(raw_value):
    if not PLAIN_VALUE.fullmatch(raw_value):
        return False
    decoded = unquote_plus(raw_value)
    # Numbers without leading zeros: "02" would be a second copy of page 2.
    if decoded.isdigit() and len(decoded) > 1 and decoded.startswith("0"):
        return False
    return quote(decoded, safe="").replace("%20", "+") == raw_value


def variant_query(query_string):
    """The key's query (every kept name, in order, empty when absent), or None when a value
    is not plain."""
    found = raw_values(query_string)
    if not all(is_plain(value) for value in found.values()):
        return None
    return "&".join(f"{name}={found.get(name, '')}" for name in parameters())


def variant_url(request):
    """The URL this request's copy is kept and purged under, or None if it may not be kept."""
    query = variant_query(getattr(request, ORIGINAL_QUERY, request.META.get("QUERY_STRING", "")))
    if query is None:
        return None
    return f"{request.scheme}://{request.get_host()}{request.path}?{query}"


def kept_query(query_string):
    """The request's query as the page may read it: the kept parameters, decoded."""
    pairs = [(name, unquote_plus(value)) for name, value in raw_values(query_string).items()]
    return QueryDict(urlencode(pairs))


class VariantMiddleware:
    """Render a page that may be shared from its variant's parameters only.

    In ``process_view``, once the URL resolved to Wagtail's page view: other views (search,
    the gate's ``?next=``, language switching) keep their whole query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD"):
            return None
        if request.resolver_match.view_name != WAGTAIL_PAGE_VIEW_NAME:
            return None
        query_string = request.META.get("QUERY_STRING", "")
        if not query_string:
            return None
        # WSGIRequest.GET is settable (Django's own tests set it); the page and the templates
        # read no other parameter.
        setattr(request, ORIGINAL_QUERY, query_string)
        request.GET = kept_query(query_string)
        request.META["QUERY_STRING"] = request.GET.urlencode()
        return None
