"""Who is answering, where they answered, and how often their address may answer.

A reader is identified by a salted hash of the random id in their reader cookie
(``surveys.reader_cookie``; never the raw id or their address), and told what happened to
their answer by a one-off notice in a cookie of its own. The one-answer rules are
enforced by unique constraints on that hash. A reader who drops their cookie gets a new
id, so each client address is also limited with Django's cache:

- at most ``RATE_LIMIT`` survey answers and poll votes per ``RATE_WINDOW`` seconds, and
- once an answer to a poll (or to a survey on an article) has been stored from an address,
  no other reader from that address may answer it for ``RATE_WINDOW`` seconds.

Both are refused with HTTP 429. The client address is ``REMOTE_ADDR``: behind a proxy,
the proxy must pass the reader's address there. A benchmark on one machine lifts both for
loopback clients with ``settings.SURVEY_LIMITS_SKIP_LOOPBACK`` (never on a server).
"""

from functools import partial
from ipaddress import ip_address

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from hub_site.cache.memo import remembered
from hub_site.security.ratelimit import count_in_window
from surveys.reader_cookie import reader_notice, reader_state

RATE_LIMIT = 10
RATE_WINDOW = 60


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


def _hashed(purpose, value):
    return salted_hmac(f"surveys.{purpose}", value, algorithm="sha256").hexdigest()


def is_preview(request):
    # Wagtail marks its preview requests; the dummy ones it builds have no session either.
    return getattr(request, "is_preview", False) or getattr(request, "session", None) is None


def respondent_key(request):
    """The reader's pseudonymous key, or None when they have no reader id yet."""
    if is_preview(request):  # an editor's preview answers nothing
        return None
    state = reader_state(request)
    if state.reader_id is None:
        return None
    return _hashed("respondent", state.reader_id)


def answering_respondent(request):
    """(the answering reader's key, whether they had a reader id before this answer).

    A reader without one gets one now, so cannot have answered before.
    """
    if is_preview(request):
        return None, False
    state = reader_state(request)
    returning = state.reader_id is not None
    if returning:
        # Signed anew on each answer (never on a page view, which must leave the cookie as
        # it is): the reader is known for a session from their last answer.
        state.renew()
    else:
        state.start()
    return _hashed("respondent", state.reader_id), returning


def _address_key(request, day=None):
    # The salt changes every UTC day, so yesterday's keys cannot be linked to today's
    # (a claim spanning midnight lapses early, which only lets one answer through).
    day = day or timezone.now().date()
    return _hashed(f"address.{day.isoformat()}", request.META.get("REMOTE_ADDR", ""))


def _unlimited(request):
    """A benchmark's loopback client, when settings.SURVEY_LIMITS_SKIP_LOOPBACK allows it."""
    if not settings.SURVEY_LIMITS_SKIP_LOOPBACK:
        return False
    try:
        return ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


def over_rate_limit(request):
    """Count one answer or vote attempt from this address; True past the limit."""
    if _unlimited(request):
        return False
    return count_in_window(f"surveys:rate:{_address_key(request)}", RATE_WINDOW) > RATE_LIMIT


def claim_for_address(request, target):
    """Reserve ``target`` for this address for the window; False if someone else has."""
    if _unlimited(request):
        return True
    return cache.add(f"surveys:claim:{target}:{_address_key(request)}", 1, timeout=RATE_WINDOW)


def release_for_address(request, target):
    cache.delete(f"surveys:claim:{target}:{_address_key(request)}")


def article_pages():
    """Pages a survey may be answered on, or a poll voted on."""
    from articles.models import ArticlePage

    return ArticlePage.objects.live()


def _live_article(page_id, locale_id):
    # Its text is not needed to take an answer: the streams stay in the database.
    return article_pages().filter(pk=page_id, locale_id=locale_id).defer_streamfields().first()


def resolve_article(raw_id, locale_id, request=None):
    """The live page in locale ``locale_id`` with id ``raw_id``; None when no id was sent.

    Raises InvalidArticle for anything else, so a tampered id stores nothing. Read once
    per content generation with ``request`` (``hub_site.cache.memo``).
    """
    if raw_id in (None, ""):
        return None
    try:
        page_id = int(raw_id)
    except (TypeError, ValueError):
        raise InvalidArticle from None
    if not 0 < page_id < 2**63:  # beyond the database's integer: no such page
        raise InvalidArticle
    article = remembered(
        request, ("live article", page_id, locale_id), partial(_live_article, page_id, locale_id)
    )
    if article is None:
        raise InvalidArticle
    return article


def has_reader_state(request):
    """Whether the reader carries a valid reader cookie: parts of a page are their own."""
    return reader_state(request).reader_id is not None


def leave_notice(request, target, state):
    """Remember, for the reader's next page view, what happened to their answer."""
    reader_notice(request).leave(target, state)


def take_notice(request, target):
    """The notice for ``target``, which the page shown now deletes; None when there is none."""
    if is_preview(request):
        return None
    return reader_notice(request).take(target)
