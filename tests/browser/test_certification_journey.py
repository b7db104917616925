"""Certification end to end, in the real admin and on the public site, in Chromium.

An editor's page goes live only once Medical review and Compliance sign-off approve it;
readers then see its reference code and certification date. An author is never offered
"Approve" on what they wrote.
"""

import re

from playwright.sync_api import expect

from django.contrib.auth.models import Group

from home.models import HomePage, StandardPage
from hub_site.certification.models import Certificate
from hub_site.workflows import roles
from tests.browser.test_workflow_admin import approve_in_the_editor, make_user, sign_in


def write_and_submit(page, base, title):
    """Create a standard page under the English home page and submit it from the footer."""
    home_id = HomePage.objects.get(depth=2, locale__language_code="en").pk
    page.goto(f"{base}/admin/pages/add/home/standardpage/{home_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_intro").fill("A short introduction written by the editor.")
    # An untouched empty body would make "Approve" save a revision (see test_workflow_admin).
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Outcomes of allogeneic transplant in adolescents and young adults.")
    expect(page.locator("input[name='body']")).to_have_value(re.compile("allogeneic"))
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    page.wait_for_url(lambda url: "/add/" not in url)
    created = StandardPage.objects.get(title=title)
    assert created.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK
    assert not created.live
    return created


def pass_hcp_gate(page, base):
    """The confirmation cookie ``hcp_page`` sets, set again after the admin sign-ins."""
    from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation

    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": COOKIE_NAME,
                "value": signed_confirmation(),
                "url": base,
                "httpOnly": True,
                "sameSite": "Lax",
            }
        ]
    )


def test_reviewed_page_goes_live_with_its_reference_line(live_site, page, screenshot):
    title = "Certified example: AYA transplant outcomes"
    make_user("ed", roles.EDITORS)
    make_user("med", roles.MEDICAL_REVIEWERS)
    make_user("comp", roles.COMPLIANCE_REVIEWERS)
    base = live_site.url

    sign_in(page, base, "ed")
    created = write_and_submit(page, base, title)

    # Each reviewer finds the page under "Awaiting your review" and approves in its editor.
    for username, next_task in (("med", roles.COMPLIANCE_TASK), ("comp", None)):
        sign_in(page, base, username)
        expect(page.get_by_text("Awaiting your review")).to_be_visible()
        page.get_by_role("link", name=title).first.click()
        page.wait_for_url(re.compile(rf"/admin/pages/{created.pk}/edit/"))
        approve_in_the_editor(page, created, username, next_task)

    created.refresh_from_db()
    assert created.live
    certificate = Certificate.objects.get(revision_id=created.live_revision_id)
    assert certificate.reference_code.startswith("ALLHUB-")

    # A confirmed reader sees the reference code and date at the foot of the page.
    pass_hcp_gate(page, base)
    page.goto(f"{base}{created.get_url_parts()[2]}")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    line = page.locator(".certification-line")
    expect(line).to_have_text(
        re.compile(
            rf"^Ref\. {re.escape(certificate.reference_code)} · Certified \w+ \d{{1,2}}, \d{{4}}$"
        )
    )
    line.scroll_into_view_if_needed()
    screenshot("certification-reader-reference-line")


def test_author_who_reviews_is_not_offered_approve(live_site, page, screenshot):
    title = "Self-review example: MRD after transplant"
    writer = make_user("edmed", roles.EDITORS)
    writer.groups.add(Group.objects.get(name=roles.MEDICAL_REVIEWERS))
    base = live_site.url

    sign_in(page, base, "edmed")
    created = write_and_submit(page, base, title)

    page.goto(f"{base}/admin/pages/{created.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Request changes")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Approve"))).to_have_count(0)
    screenshot("certification-author-footer-without-approve")

    created.refresh_from_db()
    assert created.current_workflow_task.name == roles.MEDICAL_REVIEW_TASK
    assert not created.live
