"""While the database is unreachable (restart, failover), answer 503 with a static page.

Django turns an exception raised anywhere in a request (a view or any middleware) into a
response through ``handler500``; this handler sees the exception being handled and, when
it is the database's, answers 503 "Service Unavailable" with ``503.html`` and a
``Retry-After`` header instead of the 500 page. The page is rendered without context, so it
needs no database. Connections recover by themselves: ``CONN_HEALTH_CHECKS`` (settings/base.py)
replaces a broken persistent connection at the next request.

The outage is logged once per process, and its end once, rather than one traceback per
failed request.
"""

import logging
import sys
import threading

from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)
# Set on a request answered 503 here: the outage was logged once already.
ANSWERED_ATTRIBUTE = "hub_outage_answered"


class _Outage:
    """Whether this process has logged the database as unreachable and not yet back."""

    def __init__(self):
        self._lock = threading.Lock()
        self.ongoing = False

    def begin(self, exception):
        with self._lock:
            first, self.ongoing = not self.ongoing, True
        if first:
            logger.error(
                "Database unreachable, answering 503: %s: %s",
                type(exception).__name__,
                str(exception).strip().splitlines()[0] if str(exception).strip() else "",
            )

    def end(self):
        with self._lock:
            was, self.ongoing = self.ongoing, False
        if was:
            logger.warning("Database reachable again")


outage = _Outage()


@receiver(connection_created)
def database_reachable(sender, connection, **kwargs):
    outage.end()


def database_error(exception):
    """The database error behind ``exception`` (itself or what it was raised from), if any."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_ERRORS):
            return exception
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return None


def service_unavailable():
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    """``handler500``: 503 when the database is the cause, Django's 500 page otherwise."""
    exception = database_error(sys.exc_info()[1])
    if exception is None:
        return default_server_error(request)
    outage.begin(exception)
    setattr(request, ANSWERED_ATTRIBUTE, True)
    return service_unavailable()


class AnsweredOutageFilter(logging.Filter):
    """Keep django.request from logging a traceback for each request answered 503 here
    (its records carry the request, as Django documents): the outage is logged once."""

    def filter(self, record):
        return not getattr(getattr(record, "request", None), ANSWERED_ATTRIBUTE, False)


# Django logs the response once the handler has returned it: this module is imported by then.
logging.getLogger("django.request").addFilter(AnsweredOutageFilter())
