from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hub_site.gate.cookies import clear_confirmation, set_confirmation
from hub_site.gate.forms import ConfirmForm, home_url
from hub_site.gate.models import GateCopy
from hub_site.security.ratelimit import limit_posts


def _see_other(url):
    return HttpResponseRedirect(url, status=303)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("hcp_confirm")
def confirm(request):
    """The interstitial (GET) and the reader's confirmation (POST, CSRF-protected).

    Confirming sets the signed cookie and returns the reader to the checked return URL.
    """
    if request.method == "POST":
        form = ConfirmForm(request.POST, request=request)
        response = _see_other(form.return_url)
        set_confirmation(response, request)
        return response

    form = ConfirmForm.for_return_url(request.GET.get("next", ""), request)
    response = render(
        request,
        "hub_gate/confirm.html",
        {
            "copy": GateCopy.for_active_language(request),
            "form": form,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request):
    """Forget the reader's confirmation (POST, CSRF-protected); GET asks to be sure.

    The footer links here rather than holding the form itself, so reader pages carry no
    CSRF token: Django sets the CSRF cookie on every response that uses one, and a page
    cache stores no response that sets a cookie.
    """
    if request.method == "POST":
        response = _see_other(home_url())
        clear_confirmation(response)
        return response
    response = render(
        request, "hub_gate/withdraw.html", {"copy": GateCopy.for_active_language(request)}
    )
    response["X-Robots-Tag"] = "noindex"
    return response
