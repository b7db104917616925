"""An editor submits and a reviewer approves, in the real admin, in Chromium.

The screenshots are kept in docs/screenshots/ for the editor and reviewer guides, so the
guides show the admin as it is.
"""

import re
from pathlib import Path

from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import WorkflowState

from home.models import HomePage, StandardPage
from hub_site.workflows import roles

GUIDE_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = "browser-pass-1234"


def make_user(username, group_name):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@hub.example", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def sign_in(page, base_url, username, password=PASSWORD):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/admin/")


def guide_shot(page, name):
    GUIDE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(GUIDE_SCREENSHOTS / f"{name}.png"))


def approve_in_the_editor(page, created, username, next_task, shot=None):
    """Approve ``created`` from its open editor's footer; the review then waits at
    ``next_task`` (None: it is over). ``shot`` names a guide screenshot of the open menu."""
    page.get_by_role("button", name="More actions").click()
    approve = page.get_by_role("button", name="Approve", exact=True)
    approve.wait_for(state="visible")
    if shot:
        guide_shot(page, shot)
    with page.expect_navigation():
        approve.click()
    created.refresh_from_db()
    task = created.current_workflow_task
    assert (task.name if task else None) == next_task, f"after {username}'s approval"


def test_editor_submits_and_reviewers_approve_in_the_admin(live_site, page):
    make_user("ed", roles.EDITORS)
    make_user("med", roles.MEDICAL_REVIEWERS)
    make_user("comp", roles.COMPLIANCE_REVIEWERS)
    base = live_site.url
    page.set_viewport_size({"width": 1400, "height": 1000})

    # The editor creates a page under the home page and submits it for review.
    sign_in(page, base, "ed")
    home_id = HomePage.objects.get(depth=2, locale__language_code="en").pk
    page.goto(f"{base}/admin/pages/add/home/standardpage/{home_id}/")
    page.locator("#id_title").fill("Guide example: AYA transplant outcomes")
    page.locator("#id_intro").fill("A short introduction written by the editor.")
    # The body is written too: Wagtail's rich text editor sends an untouched empty body
    # back differently from how it was stored, so a reviewer's "Approve" would save a
    # revision and restart the review (docs/reviewer-guide.md, known issue).
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Outcomes of allogeneic transplant in adolescents and young adults.")
    # The editor copies its content into the form a moment after typing stops.
    expect(page.locator("input[name='body']")).to_have_value(re.compile("allogeneic"))
    guide_shot(page, "editor-new-page")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    page.wait_for_url(lambda url: "/add/" not in url)
    guide_shot(page, "editor-submitted")
    created = StandardPage.objects.get(title="Guide example: AYA transplant outcomes")
    assert created.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK
    assert not created.live

    # Each reviewer approves from the page's editor.
    steps = (
        ("med", "reviewer-medical-approve", roles.COMPLIANCE_TASK),
        ("comp", "reviewer-compliance", None),
    )
    for username, shot, next_task in steps:
        sign_in(page, base, username)
        page.get_by_role("link", name="Guide example: AYA transplant outcomes").first.wait_for()
        guide_shot(page, f"{shot}-dashboard")
        page.goto(f"{base}/admin/pages/{created.pk}/edit/")
        approve_in_the_editor(page, created, username, next_task, shot)

    created.refresh_from_db()
    assert created.live
    assert not WorkflowState.objects.for_instance(created).filter(status="in_progress").exists()
