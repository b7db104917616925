"""The reader's machine-translated page: ``/<language>/machine-translation/<page id>/``.

The language prefix is the target language, so Django's LocaleMiddleware renders the site's
own interface strings in it, the URL can be bookmarked and cached like any other, and the
HCP gate stands in front of it as it does of every view not explicitly opened.
"""

import logging

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.views.decorators.http import require_safe

from wagtail import hooks
from wagtail.models import Page

from hub_site.languages.versions import published_translations
from hub_site.translation.machine import MachineTranslationUnavailable
from hub_site.translation.reader_machine_translation import (
    REQUEST_ATTRIBUTE,
    ReaderMachineTranslation,
    machine_translator,
    offered_languages,
    translated_page,
)

logger = logging.getLogger(__name__)


def _serve_through_wagtail_hooks(page, shown, request):
    """Serve ``shown`` in place of ``page`` through Wagtail's ``on_serve_page`` chain.

    The chain holds Wagtail's view restrictions (private and password-protected pages),
    checked against the live page. ``before_serve_page`` hooks are not run: the site's own
    (hub_site/languages) refuses a page under another language's prefix, which is what a
    machine translation is by design; the request method is limited by the view.
    """

    def serve_shown(_page, request, args, kwargs):
        return shown.serve(request, *args, **kwargs)

    chain = serve_shown
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    return chain(page, request, (), {})


@require_safe
def machine_translated_page(request, page_id):
    target = translation.get_language()
    translator = machine_translator()
    if translator is None:
        raise Http404("No machine translation service is configured.")
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if page.get_url(request) is None:
        raise Http404("That page is not on this site.")

    # A published human translation (or the page itself) is always the better answer.
    for version in published_translations(page):
        if version.locale.language_code == target:
            return redirect(version.get_url(request))
    source = page.locale.language_code
    offered = offered_languages(translator, source)
    if offered is not None and target not in offered:
        raise Http404("The machine translation service does not offer this language.")

    shown, failed = page, True
    if offered is None:
        logger.warning("The machine translation service did not list its languages")
    else:
        try:
            shown, failed = translated_page(page, target, translator), False
        except MachineTranslationUnavailable:
            logger.warning("Machine translation of page %s into %s failed", page.pk, target)
    setattr(
        request,
        REQUEST_ATTRIBUTE,
        ReaderMachineTranslation(language=target, source_language=source, failed=failed),
    )
    response = _serve_through_wagtail_hooks(page, shown, request)
    # Besides the page's <meta name="robots">: a machine translation is never to be indexed.
    response["X-Robots-Tag"] = "noindex"
    return response
