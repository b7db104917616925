"""Structured logs: one JSON object a line, each with the id of the request it belongs to.

``RequestIdMiddleware`` takes the id from an ``X-Request-ID`` header set by the proxy (when it
is a plain token) or makes one, keeps it in a context variable for the request's duration,
and returns it in the response's ``X-Request-ID``. ``RequestIdFilter`` puts it on every log
record, and ``JsonFormatter`` writes the record as JSON. Log calls pass no personal data
(no addresses, e-mails or answers); Django's request logger adds only the path and status.
"""

import contextvars
import json
import logging
import re
import uuid

request_id_var = contextvars.ContextVar("request_id", default="-")
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REQUEST_ID_HEADER = "X-Request-ID"


def request_id_for(incoming):
    """The proxy's id when it is a plain token, else a new one."""
    return incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request.headers.get(REQUEST_ID_HEADER, ""))
        # Not reset on the way out: Django's handler logs the response (404s, 500s) after
        # the middleware chain has returned. The next request in this thread sets its own.
        request_id_var.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id_var.get()),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
