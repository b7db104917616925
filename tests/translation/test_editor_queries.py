"""The translation editor of a 200-segment page has a query ceiling.

wagtail-localize's editor view reads each string segment's context and string one query at
a time (wagtail_localize/views/edit_translation.py builds its segment list from
``stringsegment_set.all()`` without ``select_related``; its refresh has the same pattern,
wagtail-localize issue #932), and offers no public way to change its queryset: that part
grows by two queries a segment. What the project adds to the editor (the numbers guard,
the glossary, the translation memory, the changed segments, the release banner) costs the
same whatever the page's length, which is asserted on its own.
"""

import pytest

from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail import hooks

from home.models import HomePage, StandardPage
from tests.publishing import publish_certified
from tests.translation.helpers import start_translation

pytestmark = pytest.mark.django_db

# wagtail-localize's two queries per segment, and the rest of the page (measured: 20
# segments, 138 queries; 200 segments, 498).
PER_SEGMENT = 2
FIXED_CEILING = 150


def translated_page_of(client, segments):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    body = "".join(f"<p>Paragraph {n}: a dose of {n} mg once a day.</p>" for n in range(segments))
    page = home.add_child(
        instance=StandardPage(
            title=f"Long page {segments}", slug=f"long-{segments}", intro="Intro", body=body
        )
    )
    publish_certified(page.save_revision())
    spanish, _translation = start_translation(client, page)
    return spanish


def editor_queries(client, spanish):
    url = reverse("wagtailadmin_pages:edit", args=(spanish.pk,))
    client.get(url)  # the first request fills per-process caches (content types, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def project_hook_queries(user, spanish):
    """The queries of this project's own before_edit_page hooks, run as the editor runs
    them (wagtail-localize's, which renders the editor, is left out)."""
    request = RequestFactory().get(reverse("wagtailadmin_pages:edit", args=(spanish.pk,)))
    request.user = user
    for middleware in (SessionMiddleware, MessageMiddleware):
        middleware(lambda request: None).process_request(request)
    own = [fn for fn in hooks.get_hooks("before_edit_page") if fn.__module__.startswith("hub_site")]
    with CaptureQueriesContext(connection) as queries:
        for fn in own:
            assert fn(request, spanish.specific) is None
    return len(queries)


def test_the_translation_editor_of_a_200_segment_page_has_a_query_ceiling(admin_client, admin_user):
    small = translated_page_of(admin_client, 20)
    large = translated_page_of(admin_client, 200)
    figures = {
        "editor, 20 segments": editor_queries(admin_client, small),
        "editor, 200 segments": editor_queries(admin_client, large),
        "project's hooks, 20 segments": project_hook_queries(admin_user, small),
        "project's hooks, 200 segments": project_hook_queries(admin_user, large),
    }
    assert figures["editor, 200 segments"] <= FIXED_CEILING + PER_SEGMENT * 200, figures
    # What the project adds costs the same for any length.
    assert figures["project's hooks, 200 segments"] == figures["project's hooks, 20 segments"], (
        figures
    )
