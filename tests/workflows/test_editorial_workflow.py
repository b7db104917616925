"""The editorial workflow walked through the admin's own URLs, as each role."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from home.models import HomePage, StandardPage
from hub_site.workflows import roles
from tests.articles.factories import create_index
from tests.publishing import publish_certified


def page_form(title, slug, body="<p>Body text.</p>", **actions):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": rich_text(body),
            "comments": inline_formset([]),
            **actions,
        }
    )


def article_form(title, slug, body="Body text.", **actions):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-10-24",
            "learning_objective": "Learners will be able to cite a new development.",
            "summary": "A dual-center study.",
            "key_data": rich_text("<p>3-year OS 53%.</p>"),
            "key_learning": rich_text("<p>A curative option.</p>"),
            "body": streamfield([("paragraph", rich_text(f"<p>{body}</p>"))]),
            "references": streamfield([]),
            "topic_links": inline_formset([]),
            "contributor_links": inline_formset([]),
            "comments": inline_formset([]),
            **actions,
        }
    )


def as_user(client, user):
    client.force_login(user)
    return client


def current_task_state(page):
    return WorkflowState.objects.for_instance(page).get(status="in_progress").current_task_state


def act(client, page, action, comment=""):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment} if comment else {})


def assert_done(response):
    # Wagtail's admin answers a refused action with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] != reverse("wagtailadmin_home")


def assert_refused(response):
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.mark.django_db
def test_groups_and_workflows_exist_after_migrate():
    from django.contrib.auth.models import Group

    from wagtail.models import Workflow

    assert set(Group.objects.values_list("name", flat=True)) >= {role.name for role in roles.ROLES}
    editorial = Workflow.objects.get(name=roles.EDITORIAL_REVIEW)
    assert [task.name for task in editorial.tasks] == [
        roles.MEDICAL_REVIEW_TASK,
        roles.COMPLIANCE_TASK,
    ]
    assert Page.get_first_root_node().get_workflow() == editorial


def test_whole_editorial_workflow_through_the_admin(client, team, home):
    index = create_index(parent=home)
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))

    # The editor drafts an article and submits it.
    as_user(client, team["editor"])
    response = client.post(
        add_url,
        article_form("Transplant outcomes", "transplant-outcomes", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:2000]
    page = ArticlePage.objects.get(slug="transplant-outcomes")
    assert not page.live
    assert page.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK
    # Medical reviewers (and site managers, who may step in) are told a task awaits them.
    notified = {address for message in mail.outbox for address in message.to}
    assert team["medical"].email in notified
    assert not notified & {team["compliance"].email, team["editor"].email}

    # The editor cannot publish: the publish action is refused and the page stays a draft.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(
        edit_url,
        article_form("Transplant outcomes", "transplant-outcomes", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live
    bulk_publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{bulk_publish}?id={page.pk}", {"include_descendants": ""})
    page.refresh_from_db()
    assert not page.live

    # Medical review approves.
    mail.outbox.clear()
    as_user(client, team["medical"])
    assert_done(act(client, page, "approve", "Medically sound."))
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.COMPLIANCE_TASK
    assert not page.live
    assert [team["compliance"].email] in [m.to for m in mail.outbox]

    # Compliance requests changes with a comment; the editor hears of it.
    mail.outbox.clear()
    as_user(client, team["compliance"])
    comment = "The 53% figure needs a reference."
    assert_done(act(client, page, "reject", comment))
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == comment
    assert any(team["editor"].email in m.to for m in mail.outbox)
    assert any(comment in m.body for m in mail.outbox)

    # The editor fixes and resubmits; review starts again and nobody's earlier approval of
    # an older revision counts.
    as_user(client, team["editor"])
    response = client.post(
        edit_url,
        article_form(
            "Transplant outcomes",
            "transplant-outcomes",
            body="Body text with a reference [1].",
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    approvals = []
    while state := WorkflowState.objects.for_instance(page).filter(status="in_progress").first():
        task = state.current_task_state.task.name
        reviewer = team["medical"] if task == roles.MEDICAL_REVIEW_TASK else team["compliance"]
        as_user(client, reviewer)
        assert_done(act(client, page, "approve"))
        approvals.append(task)
        assert len(approvals) <= 3
    page.refresh_from_db()
    assert set(approvals) == {roles.MEDICAL_REVIEW_TASK, roles.COMPLIANCE_TASK}
    assert page.live
    latest = page.get_latest_revision()
    approved_on_latest = TaskState.objects.filter(
        workflow_state__in=WorkflowState.objects.for_instance(page),
        revision=latest,
        status="approved",
    ).values_list("task__name", flat=True)
    assert set(approved_on_latest) == {roles.MEDICAL_REVIEW_TASK, roles.COMPLIANCE_TASK}

    # Every step is in the audit log shown in the page's history.
    actions = list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    for action in (
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.publish",
    ):
        assert action in actions
    as_user(client, team["manager"])
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert history.status_code == 200
    assert comment in history.text


def test_a_reviewer_who_edited_the_revision_cannot_approve_it(client, make_user, team, home):
    # A medical reviewer who is also an editor writes and submits the page.
    author = make_user("author", roles.EDITORS, roles.MEDICAL_REVIEWERS)
    as_user(client, author)
    add_url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))
    client.post(add_url, page_form("Own work", "own-work", **{"action-submit": "1"}))
    page = StandardPage.objects.get(slug="own-work")
    task = page.current_workflow_task.specific

    assert [a[0] for a in task.get_actions(page, author)] == ["reject"]
    assert_refused(act(client, page, "approve"))
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK

    # Another medical reviewer may.
    as_user(client, team["medical"])
    assert_done(act(client, page, "approve"))
    page.refresh_from_db()
    assert page.current_workflow_task.name == roles.COMPLIANCE_TASK


def test_scheduled_page_is_published_by_publish_scheduled(team, home):
    page = home.add_child(instance=StandardPage(title="Scheduled", slug="scheduled", live=False))
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision(user=team["manager"])
    publish_certified(revision, user=team["manager"])
    page.refresh_from_db()
    assert not page.live  # scheduled, not yet live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    # The go-live time passes: move the schedule into the past rather than waiting an hour.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", stdout=StringIO())

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
