"""Retrying background work on the task queue (django-tasks; docs/operations.md).

django-tasks runs a task once: work that depends on another service (the edge, a
translation service, a mail server) enqueues itself again, later each time, while the
service does not answer.
"""

from datetime import timedelta

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

RETRY_FIRST_SECONDS = 1
RETRY_LONGEST_SECONDS = 60


def backoff(attempt):
    """Seconds to wait before attempt ``attempt + 1``: 1, 2, 4 … 60."""
    return min(RETRY_FIRST_SECONDS * 2**attempt, RETRY_LONGEST_SECONDS)


def deferred(task_to_run, seconds):
    """``task_to_run``, to run ``seconds`` from now, or None where the queue cannot wait (the
    immediate backend of tests and ``make demo``, which runs work at once)."""
    if task_to_run.get_backend().supports_defer:
        return task_to_run.using(run_after=timezone.now() + timedelta(seconds=seconds))
    return None


def retry_later(task_to_run, attempt, *args, attempts=None):
    """Enqueue ``task_to_run(*args, attempt + 1)`` ``backoff(attempt)`` seconds from now.

    False, and nothing enqueued, when ``attempts`` are spent or the queue cannot wait.
    """
    if attempts is not None and attempt + 1 >= attempts:
        return False
    retry = deferred(task_to_run, backoff(attempt))
    if retry is None:
        return False
    retry.enqueue(*args, attempt + 1)
    return True


def stuck():
    """Whether a queued task has been due for longer than ``TASK_QUEUE_STUCK_SECONDS``: no
    worker runs, or they cannot keep up. False for a queue that runs work at once."""
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return False
    due_since = timezone.now() - timedelta(seconds=settings.TASK_QUEUE_STUCK_SECONDS)
    waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=due_since)
    return waiting.filter(Q(run_after=get_date_max()) | Q(run_after__lt=due_since)).exists()
