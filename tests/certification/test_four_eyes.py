"""Nobody approves what they wrote: each leak an auditor found, through the admin's URLs."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.models import PageLogEntry

from home.models import StandardPage
from hub_site.certification.models import Certificate
from hub_site.workflows import roles
from tests.certification.conftest import act, current_task_state, review, submit_new_page
from tests.translation.helpers import (
    publish_english_page,
    publish_figures_page,
    start_translation,
    translate_figures_page,
    translate_string,
)
from tests.workflows.test_editorial_workflow import page_form

pytestmark = pytest.mark.django_db


def offered(page, user):
    task_state = current_task_state(page)
    return [name for name, _label, _modal in task_state.task.specific.get_actions(page, user)]


def assert_refused(response, page, task_name):
    # Refused with a message: a 403 page, or Wagtail's redirect to the dashboard.
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == task_name


def post_edit_form(client, user, page, body, **action):
    """``user`` saves ``page`` with a new ``body`` from its editor, with the footer's ``action``."""
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        page_form(page.title, page.slug, body=body, **action),
    )


def test_a_writer_cannot_approve_after_someone_else_submits(client, make_user, team, home):
    # A medical reviewer who is also an editor writes the page and saves a draft…
    writer = make_user("writer", roles.EDITORS, roles.MEDICAL_REVIEWERS)
    client.force_login(writer)
    client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk)),
        page_form("Written by a reviewer", "written"),
    )
    page = StandardPage.objects.get(slug="written")
    # …another editor fixes a typo and submits it.
    post_edit_form(client, team["editor"], page, "<p>Typo fixed.</p>", **{"action-submit": "1"})
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK

    assert offered(page, writer) == ["reject"]
    assert_refused(act(client, writer, page, "approve"), page, roles.MEDICAL_REVIEW_TASK)
    # The edit view's own workflow action, the other door to the same approval.
    response = post_edit_form(
        client,
        writer,
        page,
        "<p>Typo fixed.</p>",
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK
    # The task itself, as code would call it.
    task_state = current_task_state(page)
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, writer, "approve")

    # Someone who wrote nothing may. The edit view saved the writer's form as a revision
    # first, which sends the page back to the first step: medical review approves again.
    assert offered(page, team["medical"]) == ["reject", "approve", "approve"]
    reviewer = {
        roles.MEDICAL_REVIEW_TASK: team["medical"],
        roles.COMPLIANCE_TASK: team["compliance"],
    }
    for _step in range(4):
        page.refresh_from_db()
        if page.live:
            break
        assert (
            act(client, reviewer[page.current_workflow_task.name], page, "approve").status_code
            == 302
        )
    assert page.live
    certificate = Certificate.objects.get(revision_id=page.live_revision_id)
    assert {author["username"] for author in certificate.authors} == {"writer", "editor"}


def test_one_person_cannot_approve_two_steps(client, make_user, team, home):
    both = make_user("both", roles.MEDICAL_REVIEWERS, roles.COMPLIANCE_REVIEWERS)
    page = submit_new_page(client, team["editor"], home)
    assert act(client, both, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.COMPLIANCE_TASK

    assert "approve" not in offered(page, both)
    assert_refused(act(client, both, page, "approve"), page, roles.COMPLIANCE_TASK)

    assert act(client, team["compliance"], page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live
    certificate = Certificate.objects.get(revision_id=page.live_revision_id)
    assert [step["approver"]["username"] for step in certificate.steps] == ["both", "compliance"]


@pytest.mark.parametrize("superuser", [False, True], ids=["site-manager", "superuser"])
def test_a_site_manager_cannot_approve_their_own_writing(client, make_user, team, home, superuser):
    manager = make_user("boss", roles.SITE_MANAGERS, is_superuser=superuser)
    page = submit_new_page(client, manager, home)
    assert "approve" not in offered(page, manager)
    response = act(client, manager, page, "approve", comment="I am in charge.")
    assert_refused(response, page, roles.MEDICAL_REVIEW_TASK)
    assert not PageLogEntry.objects.filter(page=page, action="hub.four_eyes_override").exists()


def test_a_site_manager_stands_in_for_an_absent_reviewer_only_with_a_reason(client, team, home):
    page = submit_new_page(client, team["editor"], home)
    manager = team["manager"]
    assert offered(page, manager) == ["reject", "approve"]

    assert_refused(act(client, manager, page, "approve"), page, roles.MEDICAL_REVIEW_TASK)

    reason = "Dr Medical is on leave until January; reviewed against the guideline."
    assert act(client, manager, page, "approve", comment=reason).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.COMPLIANCE_TASK
    entry = PageLogEntry.objects.get(page=page, action="hub.four_eyes_override")
    assert entry.user == manager
    assert entry.data["reason"] == reason

    assert act(client, team["compliance"], page, "approve").status_code == 302
    page.refresh_from_db()
    step = Certificate.objects.get(revision_id=page.live_revision_id).steps[0]
    assert step["approver"]["username"] == "manager"
    assert step["stands_in_for_absent_reviewer"] is True
    assert step["comment"] == reason


def test_authorship_counts_every_revision_since_the_last_publication(client, make_user, team, home):
    """An earlier writer of a page that was never published is still its author; after
    publication, only what changed since counts."""
    writer = make_user("writer", roles.EDITORS, roles.MEDICAL_REVIEWERS)
    page = submit_new_page(client, writer, home)
    review(client, page, team["medical"], team["compliance"])
    assert page.live

    # The writer now reviews a change written by someone else.
    post_edit_form(client, team["editor"], page, "<p>Updated.</p>", **{"action-submit": "1"})
    page.refresh_from_db()
    assert "approve" in offered(page, writer)
    review(client, page, writer, team["compliance"])
    assert page.live
    assert Certificate.objects.filter(object_id=str(page.pk), kind="workflow").count() == 2


def test_a_half_translated_page_cannot_be_approved(client, team):
    """In review with untranslated segments (submitted before the source grew, or through
    a door the submit view does not guard): the reviewer is told how many remain and
    Approve is neither offered nor accepted."""
    english = publish_english_page("About us", "about-us", "Welcome, patients")
    client.force_login(team["translator"])
    spanish, translation = start_translation(client, english)
    translate_string(client, translation, "About us", "Quiénes somos")
    translation.save_target(user=team["translator"], publish=False)
    spanish.refresh_from_db()
    spanish.get_workflow().start(spanish, team["translator"])

    reviewer = team["translation_reviewer"]
    assert offered(spanish, reviewer) == ["reject"]
    assert act(client, reviewer, spanish, "approve").status_code in (302, 403)
    spanish.refresh_from_db()
    assert not spanish.live
    client.force_login(reviewer)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(spanish.pk,)), follow=True)
    assert "1 of 2 text segments is not translated yet." in edit.text


def test_a_figure_changed_after_submission_stops_the_approval(client, team):
    spanish, translation = translate_figures_page(
        client, team["translator"], publish_figures_page(), figures="53% y 46%"
    )
    submitted = client.post(reverse("hub_workflows:submit_translation", args=(spanish.pk,)))
    assert submitted.status_code == 302
    spanish.refresh_from_db()
    assert spanish.workflow_in_progress

    # The translator changes a figure while the translation waits for its reviewer.
    translate_string(client, translation, "53% and 46%", "53% y 64%")

    reviewer = team["translation_reviewer"]
    assert offered(spanish, reviewer) == ["reject"]
    assert act(client, reviewer, spanish, "approve").status_code in (302, 403)
    spanish.refresh_from_db()
    assert not spanish.live
    assert not Certificate.objects.filter(object_id=str(spanish.pk)).exists()
