"""Nothing goes live without a certificate: every door to publication, for every role.

Doors: the editor's Publish (edit and create views), wagtail-localize's translation
editor Publish, bulk publish, copy with "publish copies", revert-and-publish, Wagtail's
unpublish (replaced by withdrawal), scheduled publishing and ``publish_scheduled``,
wagtail-localize's "update translations" with publish, and code calling publish.
"""

import time
from datetime import timedelta
from io import StringIO

import pytest

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Revision

from home.models import StandardPage
from hub_site.certification.models import Certificate
from hub_site.workflows import roles
from tests.certification.conftest import review, submit_new_page
from tests.workflows.test_editorial_workflow import page_form

pytestmark = pytest.mark.django_db

ROLES = ["editor", "manager", "superuser"]


@pytest.fixture
def person(request, team, make_user):
    def get(role):
        if role == "superuser":
            return make_user("root", is_superuser=True, is_staff=True)
        return team[role]

    return get


@pytest.fixture
def draft(home, team):
    page = home.add_child(instance=StandardPage(title="Draft", slug="draft", live=False))
    page.save_revision(user=team["editor"])
    return page


def assert_not_live(page):
    page.refresh_from_db()
    assert not page.live
    assert not Certificate.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_edit_views_publish_is_refused(client, person, draft, role):
    client.force_login(person(role))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
        page_form("Draft", "draft", **{"action-publish": "1"}),
    )
    assert response.status_code == 403
    assert "Only certified content goes live" in response.text
    assert_not_live(draft)


@pytest.mark.parametrize("role", ROLES)
def test_publishing_a_new_page_is_refused(client, person, home, role):
    client.force_login(person(role))
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)),
        page_form("New", "new-page", **{"action-publish": "1"}),
    )
    assert response.status_code == 403
    assert not StandardPage.objects.filter(slug="new-page").exists()


@pytest.mark.parametrize("role", ROLES)
def test_nobody_is_offered_publish_in_the_editor(client, person, draft, role):
    client.force_login(person(role))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,)))
    assert response.status_code == 200
    assert 'name="action-publish"' not in response.text
    assert 'name="action-submit"' in response.text


@pytest.mark.parametrize("role", ROLES)
def test_bulk_publish_is_refused(client, person, draft, role):
    client.force_login(person(role))
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(f"{url}?id={draft.pk}", {"include_descendants": ""})
    assert response.status_code in (302, 403)
    assert_not_live(draft)


@pytest.mark.parametrize("role", ["manager", "superuser"])
def test_copying_with_publish_copies_is_refused(client, person, certified_page, home, role):
    client.force_login(person(role))
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(certified_page.pk,)),
        {
            "new_title": "Copied",
            "new_slug": "copied",
            "new_parent_page": home.pk,
            "copy_subpages": "",
            "publish_copies": "on",
            "alias": "",
        },
    )
    assert response.status_code == 403
    assert not Page.objects.filter(slug="copied").exists()


@pytest.mark.parametrize("role", ["manager", "superuser"])
def test_reverting_and_publishing_is_refused(client, person, certified_page, team, role):
    first_revision = certified_page.live_revision
    certified_page.title = "Changed"
    certified_page.save_revision(user=team["editor"])
    client.force_login(person(role))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(certified_page.pk,)),
        page_form(
            "Certified page",
            "certified-page",
            **{"action-publish": "1", "revision": first_revision.pk},
        ),
    )
    assert response.status_code == 403
    certified_page.refresh_from_db()
    assert certified_page.live_revision == first_revision


def test_wagtails_unpublish_sends_to_withdrawal(client, person, certified_page):
    client.force_login(person("superuser"))
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(certified_page.pk,)))
    assert response.status_code == 302
    assert response["Location"] == reverse("hub_certification:withdraw", args=(certified_page.pk,))
    certified_page.refresh_from_db()
    assert certified_page.live


def test_code_cannot_publish_or_schedule_an_uncertified_revision(draft, team):
    revision = draft.get_latest_revision()
    with pytest.raises(PermissionDenied):
        revision.publish(user=team["manager"], skip_permission_checks=True)
    assert_not_live(draft)

    draft.go_live_at = timezone.now() + timedelta(hours=1)
    scheduled = draft.save_revision(user=team["editor"])
    with pytest.raises(PermissionDenied):
        scheduled.publish(skip_permission_checks=True)
    scheduled.refresh_from_db()
    assert scheduled.approved_go_live_at is None


def test_only_the_certified_revision_goes_live_at_its_time(client, team, home):
    """Approved with a go-live time: at that time the certified revision goes live, not a
    draft saved after approval."""
    page = submit_new_page(client, team["editor"], home, slug="scheduled")
    # Seconds ahead: publish_scheduled goes by the certified revision's own go-live time,
    # which nothing may rewrite, so the test waits for it to pass.
    go_live_at = timezone.now() + timedelta(seconds=3)
    page.go_live_at = go_live_at
    page.save_revision(user=team["editor"], log_action=True)
    from wagtail.models import WorkflowState

    WorkflowState.objects.for_instance(page).filter(status="in_progress").get().cancel(
        user=team["editor"]
    )
    page.get_workflow().start(page, team["editor"])
    review(client, page, team["medical"], team["compliance"])
    assert not page.live
    certified = Revision.objects.get(approved_go_live_at__isnull=False, object_id=str(page.pk))
    assert Certificate.objects.filter(revision_id=certified.pk).exists()

    later = page.get_latest_revision_as_object()
    later.title = "Slipped in after approval"
    later.save_revision(user=team["editor"])

    time.sleep(max(0, (go_live_at - timezone.now()).total_seconds()) + 0.1)
    call_command("publish_scheduled", stdout=StringIO())
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == certified.pk
    assert page.title != "Slipped in after approval"


def test_publish_scheduled_leaves_uncertified_revisions(draft):
    """A revision approved for go-live before certification existed is not published."""
    revision = draft.get_latest_revision()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(PermissionDenied):
        call_command("publish_scheduled", stdout=StringIO())
    assert_not_live(draft)


def test_reviewers_hold_no_publish_permission(team, draft):
    for role in (
        "editor",
        "medical",
        "compliance",
        "translator",
        "translation_reviewer",
        "manager",
    ):
        assert not draft.permissions_for_user(team[role]).can_publish(), role
    assert roles.SITE_MANAGERS


@pytest.fixture
def live_spanish(certified_page, django_capture_on_commit_callbacks):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from tests.publishing import publish_certified

    spanish = Locale.objects.get(language_code="es")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(certified_page, [spanish])
    page = certified_page.get_translation(spanish)
    for draft in [*page.get_ancestors().filter(depth__gt=1, live=False), page]:
        publish_certified(draft.get_latest_revision())
    page.refresh_from_db()
    return page.specific


@pytest.mark.parametrize("role", ["manager", "superuser"])
def test_the_translation_editors_publish_is_refused(client, person, live_spanish, role):
    client.force_login(person(role))
    before = live_spanish.live_revision_id
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(live_spanish.pk,)), {"action": "publish"}
    )
    assert response.status_code == 403
    live_spanish.refresh_from_db()
    assert live_spanish.live_revision_id == before


@pytest.mark.parametrize("role", ["manager", "superuser"])
def test_syncing_translations_never_publishes_them(
    client, person, certified_page, live_spanish, role
):
    from wagtail_localize.models import TranslationSource

    certified_page.title = "Certified page, corrected"
    certified_page.save_revision()
    source, _created = TranslationSource.get_or_create_from_instance(certified_page)
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))
    client.force_login(person(role))

    form = client.get(url)
    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.text

    refused = client.post(url, {"publish_translations": "on"})
    assert refused.status_code == 403
    live_spanish.refresh_from_db()
    assert live_spanish.title == "Certified page"

    synced = client.post(url, {})
    assert synced.status_code == 302
    live_spanish.refresh_from_db()
    assert live_spanish.title == "Certified page"
    assert not Certificate.objects.filter(object_id=str(live_spanish.pk), kind="workflow").exists()
