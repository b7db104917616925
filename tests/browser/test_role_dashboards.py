"""Each role starts on its dashboard and finishes its task from there, in Chromium, in at
most three clicks and without the page explorer. The screenshots illustrate the editor,
reviewer and translator guides (docs/screenshots/)."""

import json

from playwright.sync_api import expect

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, WorkflowState

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage
from hub_site.workflows import roles
from tests.articles.factories import create_article, create_index
from tests.browser.test_accessibility import AXE
from tests.browser.test_workflow_admin import guide_shot, make_user, sign_in
from tests.translation.helpers import (
    start_language,
    start_translation,
    translate_the_rest,
    translation_into,
)

MOST_CLICKS = 3
COMMENT = "The 53% overall survival needs its reference."


class Clicks:
    """Counts a person's clicks from their dashboard to their task."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()


def article_in_review(title, editor):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = home.get_children().type(ArticleIndexPage).first() or create_index(parent=home)
    # Every rich text field filled: Wagtail's editor sends an untouched empty one back
    # differently from how it was stored, so a reviewer's "Approve" would save a revision
    # (docs/reviewer-guide.md, known issue).
    article = create_article(
        index,
        title,
        publish=False,
        key_data="<p>3-year OS 53%.</p>",
        key_learning="<p>A curative option.</p>",
        body=[{"type": "paragraph", "value": "<p>What the study found.</p>"}],
    )
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    return ArticlePage.objects.get(pk=article.pk)


def review(article, reviewer, action, comment=""):
    task_state = article.current_workflow_task_state
    task_state.task.specific.on_action(task_state, reviewer, action, comment=comment)
    article.refresh_from_db()


def panel(page, name):
    return page.locator(f"#{name}-section")


def assert_no_axe_violations_in(page, *selectors):
    """axe-core on our own panels only: Wagtail's surrounding admin is Wagtail's to fix."""
    page.evaluate(AXE.read_text() + "\n;window.axe = axe;")
    result = page.evaluate(
        "selectors => axe.run({include: selectors.map(s => [s])}, "
        "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})",
        list(selectors),
    )
    violations = [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]
    assert not violations, json.dumps(violations, indent=2)


def test_the_editor_reads_the_requested_change_and_resubmits_from_the_dashboard(live_site, page):
    editor = make_user("ed", roles.EDITORS)
    article = article_in_review("Dose rounding in paediatric ALL", editor)
    review(article, make_user("med", roles.MEDICAL_REVIEWERS), "approve", "Medically sound.")
    review(article, make_user("comp", roles.COMPLIANCE_REVIEWERS), "reject", COMMENT)
    page.set_viewport_size({"width": 1400, "height": 1000})
    clicks = Clicks()

    sign_in(page, live_site.url, "ed")
    requested = panel(page, "hub_changes_requested")
    expect(requested).to_contain_text(COMMENT)
    expect(requested).to_contain_text("comp")
    expect(requested).to_contain_text(roles.COMPLIANCE_TASK)
    assert_no_axe_violations_in(page, "#hub_changes_requested-section")
    guide_shot(page, "editor-changes-requested-dashboard")

    clicks.click(requested.get_by_role("link", name="Dose rounding in paediatric ALL"))
    expect(
        page.get_by_text(f"Changes requested by comp at “{roles.COMPLIANCE_TASK}”")
    ).to_be_visible()
    expect(page.get_by_text(COMMENT).first).to_be_visible()
    clicks.click(page.get_by_role("button", name="More actions"))
    resubmit = page.get_by_role(
        "button",
        name=(
            f"Resubmit: {roles.COMPLIANCE_TASK}, then {roles.MEDICAL_REVIEW_TASK} again, "
            "because the page changed"
        ),
    )
    expect(resubmit).to_be_visible()
    guide_shot(page, "editor-changes-requested-banner")
    with page.expect_navigation():
        clicks.click(resubmit)

    assert clicks.count <= MOST_CLICKS
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert article.current_workflow_task.name == roles.COMPLIANCE_TASK


def test_a_reviewer_approves_from_the_dashboard_and_is_told_where_it_goes_next(live_site, page):
    article = article_in_review("Blinatumomab in first relapse", make_user("ed", roles.EDITORS))
    make_user("med", roles.MEDICAL_REVIEWERS)
    page.set_viewport_size({"width": 1400, "height": 1000})
    clicks = Clicks()

    sign_in(page, live_site.url, "med")
    awaiting = panel(page, "hub_awaiting_review")
    expect(awaiting).to_contain_text("Blinatumomab in first relapse")
    expect(awaiting).to_contain_text("Waiting for")
    assert_no_axe_violations_in(page, "#hub_awaiting_review-section")
    guide_shot(page, "reviewer-dashboard-awaiting")

    clicks.click(awaiting.get_by_role("link", name="Blinatumomab in first relapse"))
    clicks.click(page.get_by_role("button", name="More actions"))
    with page.expect_navigation():
        clicks.click(page.get_by_role("button", name="Approve", exact=True))

    assert clicks.count <= MOST_CLICKS
    expect(page.get_by_text(f"It now waits at {roles.COMPLIANCE_TASK}.")).to_be_visible()
    expect(panel(page, "hub_recently_reviewed")).to_contain_text("Blinatumomab in first relapse")
    guide_shot(page, "reviewer-approved-confirmation")
    article.refresh_from_db()
    assert article.current_workflow_task.name == roles.COMPLIANCE_TASK


def test_the_translator_translates_from_the_dashboard_and_submits_from_the_editor(live_site, page):
    manager = make_user("boss", roles.SITE_MANAGERS)
    translator = make_user("tr", roles.TRANSLATORS)
    start_language(as_client(manager), "es")
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    create_article(create_index(parent=home), "Asparaginase allergy: what to switch to")
    page.set_viewport_size({"width": 1400, "height": 1000})
    clicks = Clicks()

    sign_in(page, live_site.url, "tr")
    to_translate = panel(page, "hub_to_translate")
    expect(to_translate).to_contain_text("Spanish")
    assert_no_axe_violations_in(page, "#hub_to_translate-section")
    guide_shot(page, "translator-dashboard")
    clicks.click(to_translate.get_by_role("link", name="Asparaginase allergy: what to switch to"))
    # wagtail-localize's Translate dialog, with Spanish already ticked.
    expect(page.get_by_label("Spanish")).to_be_checked()
    with page.expect_navigation():
        clicks.click(page.get_by_role("button", name="Submit"))

    spanish = Locale.objects.get(language_code="es")
    translated = ArticlePage.objects.get(
        translation_key=ArticlePage.objects.get(locale__language_code="en").translation_key,
        locale=spanish,
    )
    page.wait_for_url(f"**/admin/pages/{translated.pk}/edit/")
    # The segments are typed in through wagtail-localize's own API, as its editor does.
    translation = translation_into(translated, "es")
    translate_the_rest(as_client(translator), translation)
    page.reload()
    submit = page.get_by_role("button", name="Submit for review")
    expect(submit).to_be_visible()
    assert_no_axe_violations_in(page, ".hub-submit-translation")
    guide_shot(page, "translator-submit-from-editor")
    with page.expect_navigation():
        clicks.click(submit)

    assert clicks.count <= MOST_CLICKS
    translated.refresh_from_db()
    assert translated.get_workflow().name == roles.translation_review_name("es")
    assert translated.workflow_in_progress


def as_client(user):
    client = Client()
    client.force_login(user)
    return client


def translation_in_review(title):
    """An English article's Spanish translation, every segment translated and submitted."""
    manager = make_user("boss", roles.SITE_MANAGERS)
    translator = make_user("tr", roles.TRANSLATORS)
    start_language(as_client(manager), "es")
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    english = create_article(create_index(parent=home), title)
    client = as_client(translator)
    spanish, translation = start_translation(client, english)
    translate_the_rest(client, translation)
    response = client.post(reverse("hub_workflows:submit_translation", args=[spanish.pk]))
    assert response.status_code == 302
    return ArticlePage.objects.get(pk=spanish.pk), translation


def test_the_translation_reviewer_sees_progress_and_approves_from_the_dashboard(live_site, page):
    spanish, translation = translation_in_review("Minimal residual disease after induction")
    make_user("trev", roles.TRANSLATION_REVIEWERS)
    done, total = translation.get_progress()[::-1]
    page.set_viewport_size({"width": 1400, "height": 1000})
    clicks = Clicks()

    sign_in(page, live_site.url, "trev")
    awaiting = panel(page, "hub_awaiting_review")
    expect(awaiting).to_contain_text(f"{total} of {total} segments")
    assert_no_axe_violations_in(page, "#hub_awaiting_review-section")
    guide_shot(page, "translation-reviewer-dashboard")
    # wagtail-localize's translation editor has no review actions: the row has them.
    with page.expect_navigation():
        clicks.click(awaiting.get_by_role("button", name="Approve", exact=True))

    assert clicks.count <= MOST_CLICKS
    expect(page.get_by_text("Its review is complete.")).to_be_visible()
    spanish.refresh_from_db()
    assert spanish.live


def test_the_site_manager_sees_everything_in_review_by_step_and_age(live_site, page):
    editor = make_user("ed", roles.EDITORS)
    first = article_in_review("Ponatinib dosing in Philadelphia-positive ALL", editor)
    review(first, make_user("med", roles.MEDICAL_REVIEWERS), "approve", "Fine.")
    article_in_review("CAR-T referral checklist", editor)
    make_user("boss", roles.SITE_MANAGERS)
    page.set_viewport_size({"width": 1400, "height": 1000})

    sign_in(page, live_site.url, "boss")
    queue = panel(page, "hub_review_queue")
    rows = queue.locator(".hub-work-item")
    expect(rows).to_have_count(2)
    # By step (compliance sign-off before medical review, alphabetically), with its age.
    expect(rows.nth(0)).to_contain_text(roles.COMPLIANCE_TASK)
    expect(rows.nth(0)).to_contain_text("Ponatinib dosing in Philadelphia-positive ALL")
    expect(rows.nth(1)).to_contain_text(roles.MEDICAL_REVIEW_TASK)
    expect(queue).to_contain_text("under a minute")
    expect(page.locator("#hub_awaiting_review-section")).to_have_count(0)
    assert_no_axe_violations_in(page, "#hub_review_queue-section")
    guide_shot(page, "manager-review-queue")

    # The reports this issue changed, their listings checked by axe too.
    page.goto(f"{live_site.url}/admin/reports/reviews/")
    expect(page.locator("#listing-results")).to_contain_text("CAR-T referral checklist")
    assert_no_axe_violations_in(page, "#listing-results")
    page.goto(f"{live_site.url}/admin/translation/status/")
    expect(page.locator("#listing-results")).to_be_visible()
    assert_no_axe_violations_in(page, "#listing-results")
