"""Where an answer says it comes from, checked: the live survey or poll, the article it was
given on, the language of the machine translation it was read in.

Anything that is not so stores nothing. The live pages are read once per content
generation (``hub_site.remembered``) instead of on every answer: votes are the one write
many readers make at once.
"""

from functools import partial

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from hub_site.remembered import remembered


class InvalidArticle(ValueError):
    message = _(
        "The page this answer was given on could not be found. Please go back to the "
        "article and try again."
    )


class InvalidReaderLanguage(ValueError):
    message = _(
        "The language this answer says it was read in is not one this site translates "
        "into. Please go back to the page and try again."
    )


def _is_page_id(page_id):
    # Beyond the database's integer there is no such page.
    return 0 < page_id < 2**63


def _live_page(model, page_id):
    page = model.objects.live().filter(pk=page_id).first()
    # Whether an editor restricted who may see it (Wagtail's privacy setting).
    restricted = page is not None and page.get_view_restrictions().exists()
    return page, restricted


def live_page(request, model, page_id):
    """(the live ``model`` page ``page_id`` or None, whether an editor restricted it)."""
    if not _is_page_id(page_id):
        return None, False
    key = ("live page", model._meta.label, page_id)
    return remembered(request, key, partial(_live_page, model, page_id))


def _live_article(page_id, locale_id):
    # Its text is not needed to take an answer: the streams stay in the database.
    return (
        ArticlePage.objects.live()
        .filter(pk=page_id, locale_id=locale_id)
        .defer_streamfields()
        .first()
    )


def resolve_article(raw_id, locale_id, request):
    """The live article in locale ``locale_id`` with id ``raw_id``; None when no id was sent.

    Raises InvalidArticle for anything else, so a tampered id stores nothing.
    """
    if raw_id in (None, ""):
        return None
    try:
        page_id = int(raw_id)
    except (TypeError, ValueError):
        raise InvalidArticle from None
    if not _is_page_id(page_id):
        raise InvalidArticle
    key = ("live article", page_id, locale_id)
    article = remembered(request, key, partial(_live_article, page_id, locale_id))
    if article is None:
        raise InvalidArticle
    return article


def reader_language(data, page):
    """The language of the machine translation the form was answered on; "" for none.

    Checked against the site's languages rather than what the translation service lists
    now: an answer must not be lost because the service is unreachable when it is sent.
    """
    code = data.get("reader_language", "")
    if not code:
        return ""
    languages = {language for language, _name in settings.LANGUAGES}
    if code not in languages or code == page.locale.language_code:
        raise InvalidReaderLanguage
    return code
