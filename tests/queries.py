"""Counting the queries of a request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_of_get(client, url):
    """The number of queries of a GET of ``url``, which must answer 200, and its response."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response
