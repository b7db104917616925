import pytest

from django.urls import reverse

from wagtail.models import WorkflowState

from home.models import HomePage, StandardPage
from hub_site.workflows import roles
from tests.kept_rows import kept
from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2, locale__language_code="en")


def current_task_state(page):
    return WorkflowState.objects.for_instance(page).get(status="in_progress").current_task_state


def act(client, user, page, action, comment="", **extra):
    """Post a workflow action through the admin's own URL, as ``user``."""
    client.force_login(user)
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment, **extra})


def submit_new_page(client, user, parent, title="Certified page", slug="certified-page"):
    """A standard page written and submitted by ``user`` through the admin."""
    from tests.workflows.test_editorial_workflow import page_form

    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk)),
        page_form(title, slug, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:3000]
    return StandardPage.objects.get(slug=slug)


def review(client, page, medical, compliance):
    """Medical review then compliance sign-off approve; returns the refreshed page."""
    for user in (medical, compliance):
        response = act(client, user, page, "approve")
        assert response.status_code == 302, response.content[:3000]
        assert response["Location"] != reverse("wagtailadmin_home")
    page.refresh_from_db()
    return page


@pytest.fixture
@kept
def certified_page(client, team, home):  # noqa: F811 - the imported fixture
    """A standard page written by the editor and certified by both reviewers."""
    page = submit_new_page(client, team["editor"], home)
    review(client, page, team["medical"], team["compliance"])
    client.logout()
    assert page.live
    return page


@pytest.fixture
def reviewer_roles():
    return roles
