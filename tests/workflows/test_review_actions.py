"""A reviewer's action posted from the page editor acts on the review step alone: nothing
of the form is saved, and a tampered post is refused with nothing stored."""

import json

import pytest

from django.urls import reverse

from wagtail.models import Revision, TaskState

from hub_site.workflows import roles
from tests.articles.factories import create_index
from tests.workflows.test_editorial_workflow import article_form, as_user
from tests.workflows.test_work_lists import home, submit_article  # noqa: F401 - fixture


@pytest.fixture
def in_review(client, team, home):  # noqa: F811
    return submit_article(client, team["editor"], create_index(parent=home), "footer-action")


def post_from_the_editor(client, page, action, extra=None, **fields):
    data = article_form(
        page.title,
        page.slug,
        body="A reviewer's stray edit.",
        **{"action-workflow-action": "1", "workflow-action-name": action},
        **fields,
    )
    if extra is not None:
        data["workflow-action-extra-data"] = extra
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_approving_from_the_editor_saves_nothing_and_returns_to_the_dashboard(
    client, team, in_review
):
    revisions = Revision.objects.count()
    as_user(client, team["medical"])
    response = post_from_the_editor(
        client, in_review, "approve", json.dumps({"comment": "Medically sound."})
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_home") + "?reviewed=")
    in_review.refresh_from_db()
    assert in_review.current_workflow_task.name == roles.COMPLIANCE_TASK
    # The form's body ("A reviewer's stray edit.") was not saved: no revision, no author.
    assert Revision.objects.count() == revisions
    approval = TaskState.objects.get(status=TaskState.STATUS_APPROVED)
    assert (approval.finished_by, approval.comment) == (team["medical"], "Medically sound.")


@pytest.mark.parametrize(
    ("action", "extra", "status"),
    [
        ("approve", "{not json", 400),
        ("approve", json.dumps(["a list"]), 400),
        ("approve", json.dumps({"review_by": "not a date"}), 400),
        ("publish-everything", "{}", 403),
        ("", "{}", 403),
    ],
)
def test_a_tampered_review_action_is_refused_with_nothing_stored(
    client, team, in_review, action, extra, status
):
    revisions = Revision.objects.count()
    as_user(client, team["medical"])
    response = post_from_the_editor(client, in_review, action, extra)

    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    assert response.status_code == status or (
        status == 403 and response["Location"] == reverse("wagtailadmin_home")
    )
    assert Revision.objects.count() == revisions
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()


def test_the_author_cannot_approve_from_the_editor_either(client, team, in_review):
    """The four-eyes rule holds on this path too: the submitter is refused."""
    team["editor"].groups.add(*team["medical"].groups.all())
    as_user(client, team["editor"])
    post_from_the_editor(client, in_review, "approve", "{}")
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()


def test_someone_who_may_edit_saves_with_the_action_as_wagtail_does(client, team, in_review):
    """A site manager edits pages: their form is saved, which makes them an author of the
    review, so their approval is refused (four eyes) and the page waits for a reviewer."""
    as_user(client, team["manager"])
    post_from_the_editor(client, in_review, "approve", "{}")
    in_review.refresh_from_db()
    assert in_review.get_latest_revision().user == team["manager"]
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()
