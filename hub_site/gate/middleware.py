"""The HCP gate middleware. It must run before any page cache (see settings.MIDDLEWARE)."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from hub_site.gate.access import gated_view, is_confirmed, is_open_page_or_missing


def redirect_to_gate(request):
    """303 to the interstitial in the reader's language, remembering the URL asked for.

    Never cached anywhere: the same URL answers differently once the reader confirms.
    """
    query = urlencode({"next": request.get_full_path()})
    response = HttpResponseRedirect(f"{reverse('hcp_gate:confirm')}?{query}", status=303)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


class HcpGateMiddleware:
    """Send readers who have not confirmed they are HCPs to the interstitial.

    Confirmed readers (and signed-in CMS users) pass straight through. For the others,
    pages an editor marked "open to the public" and URLs with nothing behind them pass
    too. Every answer on a gated URL varies on the cookie, so no cache hands one reader's
    answer to another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = gated_view(request)
        if match is None:
            return self.get_response(request)
        if is_confirmed(request) or is_open_page_or_missing(request, match):
            response = self.get_response(request)
        else:
            response = redirect_to_gate(request)
        patch_vary_headers(response, ("Cookie",))
        return response
