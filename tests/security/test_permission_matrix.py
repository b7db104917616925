"""Each role, each admin action, each kind of object: allowed cells work, the rest are
refused with 403/404 (or Wagtail's redirect to the dashboard), show nothing of the object,
and change nothing. The cells are data, in ``permission_matrix``."""

from urllib.parse import urlencode

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.models import Topic
from hub_site.certification.models import Certificate
from hub_site.security.models import SecurityContact
from surveys.models import SurveyResponse
from tests.security.permission_matrix import MARKERS, build_objects, cells

# wagtail-localize's own dummy translator (it reverses words): no outside service is
# involved, and the machine-translate action exists as it does with a real one.
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture(scope="module")
def objects(django_db_setup, django_db_blocker):
    """The objects, built once for the module inside a transaction rolled back at its end;
    each test runs in a savepoint of it, so an allowed action does not leak into the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_objects()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def machine_translator(settings):  # pytest-django's fixture, not the module
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR


def ordered(queryset, *fields):
    return list(queryset.order_by("pk").values_list("pk", *fields))


def database_state():
    """Everything an admin action could change, to compare before and after it."""
    return {
        "pages": ordered(
            Page.objects,
            "path",
            "live",
            "title",
            "latest_revision_id",
            "has_unpublished_changes",
            "locked",
        ),
        "revisions": Revision.objects.count(),
        "workflows": ordered(WorkflowState.objects, "status"),
        "tasks": ordered(TaskState.objects, "status"),
        "translation_sources": ordered(TranslationSource.objects, "last_updated_at"),
        "translations": ordered(Translation.objects, "enabled"),
        "strings": ordered(StringTranslation.objects, "data"),
        "submissions": ordered(FormSubmission.objects),
        "responses": ordered(SurveyResponse.objects),
        "topics": ordered(Topic.objects, "name", "live"),
        "images": ordered(get_image_model().objects, "title", "collection_id"),
        "documents": ordered(get_document_model().objects, "title", "collection_id"),
        "collections": ordered(Collection.objects, "name", "path"),
        "users": ordered(get_user_model().objects, "username", "is_active"),
        "security_contacts": ordered(SecurityContact.objects, "contact"),
        "certificates": ordered(Certificate.objects, "reference_code", "title"),
    }


def send(client, action, url, data):
    if action.method == "GET":
        return client.get(url)
    if action.method == "PUT":
        return client.put(url, urlencode(data), content_type="application/x-www-form-urlencoded")
    return client.post(url, data)


def is_refusal(response):
    if response.status_code in (403, 404):
        return True
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def unhide_not_found(client, url, response):
    """Django's LocaleMiddleware answers a 404 for an unprefixed path with a redirect to
    the same path under the default language's prefix, where it is a 404 again: follow it."""
    prefixed = f"/{settings.LANGUAGE_CODE}{url.split('?')[0]}"
    if response.status_code == 302 and response["Location"] == prefixed:
        return client.get(prefixed)
    return response


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize(
    ("role", "action", "name", "allowed"),
    [pytest.param(*cell, id=f"{cell[0]}-{cell[1].name}-{cell[2]}") for cell in cells()],
)
def test_permission_cell(objects, db, client, role, action, name, allowed):
    client.force_login(objects.users[role])
    url = action.url(objects, name)
    data = action.data(objects, name)

    before = database_state()
    response = unhide_not_found(client, url, send(client, action, url, data))
    after = database_state()
    content = body(response)

    if allowed:
        assert not is_refusal(response), (response.status_code, response.get("Location"))
        if action.method == "GET":
            assert response.status_code == 200, response.status_code
        else:
            assert response.status_code in (200, 201, 302), response.status_code
            assert after != before, "the allowed action changed nothing"
    else:
        if not action.bulk:
            assert is_refusal(response), (response.status_code, response.get("Location"))
        assert MARKERS[name] not in content
        changed = [key for key in before if before[key] != after[key]]
        assert not changed, f"a refused action changed {changed}"
