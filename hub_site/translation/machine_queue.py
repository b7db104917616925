"""Machine translation from the translation editor, on the task queue.

wagtail-localize's "Translate with …" button calls the translation service inside the
translator's request, which then waits for it (and fails with it). Here the same URL
enqueues the work and sends the translator to a page saying the draft is being prepared;
that page refreshes itself every few seconds (an HTML refresh: no JavaScript needed) and,
once the worker has written the machine-translated draft, opens the editor with it.

The state of each translation's request is kept in the shared cache for
``STATE_SECONDS``, so any app server can answer the translator's refresh. The service is
tried again, later each time (hub_site/queue.py), while it fails.
"""

import logging

from django_tasks import task

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation

from hub_site.queue import retry_later

logger = logging.getLogger(__name__)

STATE_SECONDS = 15 * 60
# The service is tried this many times (a minute apart at most) before the translator is
# told it failed.
ATTEMPTS = 6

PREPARING = "preparing"
TRANSLATED = "translated"
NOTHING_LEFT = "nothing-left"
FAILED = "failed"


def state_key(translation_id):
    return f"hub:machine-translation:{translation_id}"


def state_of(translation_id):
    return cache.get(state_key(translation_id))


def set_state(translation_id, state):
    cache.set(state_key(translation_id), state, STATE_SECONDS)


def request_machine_translation(translation_id, user):
    """Enqueue the machine translation of ``translation_id``'s untranslated segments."""
    set_state(translation_id, PREPARING)
    prepare.enqueue(translation_id, user.pk)


@task()
def prepare(translation_id, user_id, attempt=0):
    user = get_user_model().objects.filter(pk=user_id).first()
    translator = get_machine_translator()
    if user is None or translator is None:
        set_state(translation_id, FAILED)
        return
    try:
        translated = apply_machine_translation(translation_id, user, translator)
    except (PermissionDenied, Http404):
        set_state(translation_id, FAILED)
        return
    except Exception as error:  # the service's own errors: any of its client's
        if not retry_later(prepare, attempt, translation_id, user_id, attempts=ATTEMPTS):
            logger.exception("machine translation of translation %s failed", translation_id)
            set_state(translation_id, FAILED)
            return
        logger.warning("machine translation service failed (%s); retrying", error)
        return
    set_state(translation_id, TRANSLATED if translated else NOTHING_LEFT)
