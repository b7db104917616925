"""The disclosure rule: an article is submitted and approved only while each contributor
has a disclosure confirmed in the last 12 months, on every path:

- submitting: the edit view's Submit for review, its Resubmit after changes were
  requested, its Restart of the review; the create view's Submit for review (saved as a
  draft instead); the translation's Submit for review; ``workflow.start()`` and
  ``WorkflowState.resume()`` in code;
- approving: Wagtail's workflow action view (the dashboard row's Approve), the edit view's
  footer for someone who may edit, a reviewer's action from the editor
  (``hub_site/workflows/review_actions.py``), and the task in code.

Each is refused with nothing stored, and allowed once the disclosure is confirmed again.
And the funder flag: compliance reviewers and site managers read which contributor
discloses a relationship with a funder of the article's programme.
"""

import datetime
import json

import pytest

from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset
from wagtail_localize.models import StringSegment

from articles.models import ArticlePage, Programme
from hub_site.workflows import roles
from tests.articles.factories import create_article, create_index
from tests.articles.test_contributors import (
    create_contributor,
    create_funder,
    relationship,
    with_contributors,
)
from tests.translation.helpers import start_translation, translate_string
from tests.workflows.test_editorial_workflow import (
    act,
    article_form,
    as_user,
    assert_done,
    assert_refused,
    current_task_state,
)
from tests.workflows.test_work_lists import dashboard, home  # noqa: F401 - fixture

TODAY = timezone.localdate()
STALE = TODAY - datetime.timedelta(days=400)
RULE = "each of its contributors has a disclosure confirmed in the last 12 months"


@pytest.fixture
def index(home):  # noqa: F811
    return create_index(parent=home)


@pytest.fixture
def contributor(db):
    return create_contributor("Ana Ruiz", credentials="MD")


@pytest.fixture
def draft(index, contributor):
    return create_article(
        index, "Faculty article", publish=False, contributor_links=with_contributors(contributor)
    )


def go_stale(contributor):
    contributor.disclosure_confirmed_on = STALE
    contributor.save()


def confirm_again(contributor):
    contributor.disclosure_confirmed_on = TODAY
    contributor.save()


def edit_form(page, contributors, **actions):
    """The page's edit form listing ``contributors``, as Wagtail's editor posts it: the
    links it has as initial rows (removed ones marked DELETE), then the new ones."""
    links = list(page.contributor_links.all())
    linked = {link.contributor_id for link in links}
    rows = [
        {
            "id": link.pk,
            "contributor": link.contributor_id,
            "DELETE": "" if link.contributor in contributors else "1",
        }
        for link in links
    ]
    rows += [{"contributor": c.pk} for c in contributors if c.pk not in linked]
    data = article_form(
        page.title,
        page.slug,
        contributor_links=inline_formset(rows, initial=len(links)),
        **actions,
    )
    # A multiple choice, which nested_form_data would number.
    data["programmes"] = [programme.pk for programme in page.programmes.all()]
    return data


def post_edit(client, page, contributors, **actions):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        edit_form(page, contributors, **actions),
    )


def submit(client, user, page, contributors):
    as_user(client, user)
    return post_edit(client, page, contributors, **{"action-submit": "1"})


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def in_review(page):
    return WorkflowState.objects.for_instance(page).filter(status="in_progress")


def assert_refused_in_editor(response, page):
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    text = messages_of(response)
    assert RULE in text
    assert "Ana Ruiz, MD" in text
    assert "more than 12 months ago" in text


# Submitting.


def test_the_edit_views_submit_is_refused_with_nothing_saved(client, team, draft, contributor):
    go_stale(contributor)
    revisions = Revision.objects.count()

    response = submit(client, team["editor"], draft, [contributor])

    assert_refused_in_editor(response, draft)
    assert "Nothing was saved." in messages_of(response)
    assert not WorkflowState.objects.for_instance(draft).exists()
    assert Revision.objects.count() == revisions

    confirm_again(contributor)
    assert submit(client, team["editor"], draft, [contributor]).status_code == 302
    assert in_review(draft).exists()


def test_the_edit_view_judges_the_contributors_it_posts(client, team, draft, contributor):
    """Removing the out-of-date contributor in the same post lets it through; adding one
    in the same post does not."""
    stale = create_contributor("Ben Ode", confirmed_on=STALE)
    response = submit(client, team["editor"], draft, [contributor, stale])
    assert RULE in messages_of(response)
    assert not WorkflowState.objects.for_instance(draft).exists()

    go_stale(contributor)
    fresh = create_contributor("Cy Fresh")
    submit(client, team["editor"], draft, [fresh])
    assert in_review(draft).exists()


def test_the_edit_views_resubmit_after_changes_were_requested_is_refused(
    client, team, draft, contributor
):
    submit(client, team["editor"], draft, [contributor])
    as_user(client, team["medical"])
    assert_done(act(client, draft, "reject", "Add a reference."))
    go_stale(contributor)
    revisions = Revision.objects.count()

    response = submit(client, team["editor"], draft, [contributor])

    assert_refused_in_editor(response, draft)
    state = WorkflowState.objects.for_instance(draft).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert Revision.objects.count() == revisions

    confirm_again(contributor)
    submit(client, team["editor"], draft, [contributor])
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_edit_views_restart_of_the_review_is_refused(client, team, draft, contributor):
    """Offered beside Resubmit once changes were requested: the review from its first step."""
    submit(client, team["editor"], draft, [contributor])
    as_user(client, team["medical"])
    assert_done(act(client, draft, "reject", "Add a reference."))
    sent_back = WorkflowState.objects.for_instance(draft).get()
    go_stale(contributor)
    as_user(client, team["editor"])
    revisions = Revision.objects.count()

    response = post_edit(client, draft, [contributor], **{"action-restart-workflow": "1"})

    assert_refused_in_editor(response, draft)
    sent_back.refresh_from_db()
    assert sent_back.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert WorkflowState.objects.for_instance(draft).count() == 1
    assert Revision.objects.count() == revisions

    confirm_again(contributor)
    post_edit(client, draft, [contributor], **{"action-restart-workflow": "1"})
    sent_back.refresh_from_db()
    assert sent_back.status == WorkflowState.STATUS_CANCELLED
    assert in_review(draft).exclude(pk=sent_back.pk).exists()


def test_the_create_views_submit_saves_a_draft_instead(client, team, index, contributor):
    go_stale(contributor)
    as_user(client, team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk)),
        article_form(
            "New faculty article",
            "new-faculty-article",
            contributor_links=inline_formset([{"contributor": contributor.pk}]),
            **{"action-submit": "1"},
        ),
    )

    assert response.status_code == 302
    text = messages_of(response)
    assert "Not submitted for review." in text and RULE in text
    page = ArticlePage.objects.get(slug="new-faculty-article")
    assert not page.live
    assert not WorkflowState.objects.for_instance(page).exists()


def test_starting_or_resuming_a_review_in_code_is_refused(client, team, draft, contributor):
    go_stale(contributor)
    workflow = draft.get_workflow()
    with pytest.raises(PermissionDenied, match="more than 12 months ago"):
        workflow.start(draft, team["editor"])
    assert not WorkflowState.objects.for_instance(draft).exists()

    confirm_again(contributor)
    state = workflow.start(draft, team["editor"])
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, team["medical"], "reject")
    go_stale(contributor)
    state.refresh_from_db()
    with pytest.raises(PermissionDenied, match="more than 12 months ago"):
        state.resume(team["editor"])
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def spanish_article(client, team, index, contributor):
    """A Spanish translation of a live article, its every segment translated, through
    wagtail-localize's editor: the contributor is translated with it."""
    article = create_article(
        index, "Translated faculty", contributor_links=with_contributors(contributor)
    )
    as_user(client, team["translator"])
    spanish_page, translation = start_translation(client, article)
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        text = segment.string.data
        translated = text if segment.context.path == "slug" else f"{text} (es)"
        translate_string(client, translation, text, translated)
    return spanish_page


def test_the_translations_submit_for_review_is_refused(client, team, index, contributor):
    spanish_page = spanish_article(client, team, index, contributor)
    spanish_contributor = contributor.get_translation(Locale.objects.get(language_code="es"))
    go_stale(spanish_contributor)
    submit_url = reverse("hub_workflows:submit_translation", args=(spanish_page.pk,))
    revisions = Revision.objects.count()

    response = client.post(submit_url)

    assert response.status_code == 302
    assert RULE in messages_of(response)
    assert not WorkflowState.objects.for_instance(spanish_page).exists()
    assert Revision.objects.count() == revisions

    # Confirmed again, and the translation synchronized with it.
    confirm_again(spanish_contributor)
    assert_done(client.post(submit_url))
    assert in_review(spanish_page).exists()


# Approving.


@pytest.fixture
def submitted(client, team, draft, contributor):
    submit(client, team["editor"], draft, [contributor])
    assert in_review(draft).exists()
    return draft


def assert_nothing_approved(page):
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()


def awaiting_row(html, title):
    """The row of ``title`` in the dashboard's "Awaiting your review" panel."""
    panel = html[html.index('id="hub_awaiting_review') :]
    row = panel[panel.index(f">{title}</a>") :]
    return row[: row.index("</tr>")]


def test_the_dashboard_row_offers_no_approve_and_the_workflow_action_view_refuses_it(
    client, team, submitted, contributor
):
    go_stale(contributor)
    row = awaiting_row(dashboard(client, team["medical"]), "Faculty article")
    assert "more than 12 months ago" in row
    assert "Request changes" in row
    assert "Approve" not in row

    assert_refused(act(client, submitted, "approve", "Fine."))
    assert_nothing_approved(submitted)

    confirm_again(contributor)
    assert_done(act(client, submitted, "approve", "Fine."))
    assert current_task_state(submitted).task.name == roles.COMPLIANCE_TASK


@pytest.mark.parametrize(
    ("role", "comment"),
    # A site manager edits and saves as Wagtail does (then acts); a reviewer acts without
    # saving (hub_site/workflows/review_actions.py). Both paths are refused.
    [("manager", "Standing in."), ("medical", "Fine.")],
    ids=["site-manager-saves-then-acts", "reviewer-acts-without-saving"],
)
def test_approving_from_the_edit_views_footer_is_refused_with_nothing_saved(
    client, team, submitted, contributor, role, comment
):
    go_stale(contributor)
    revisions = Revision.objects.count()
    as_user(client, team[role])

    response = post_edit(
        client,
        submitted,
        [contributor],
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        },
    )

    assert_refused_in_editor(response, submitted)
    assert Revision.objects.count() == revisions
    assert_nothing_approved(submitted)


def test_the_task_refuses_an_approval_in_code(team, submitted, contributor):
    go_stale(contributor)
    task_state = current_task_state(submitted)
    with pytest.raises(PermissionDenied, match="more than 12 months ago"):
        task_state.task.specific.on_action(task_state, team["medical"], "approve")
    assert_nothing_approved(submitted)


def test_the_editor_reads_what_blocks_the_article_when_opening_it(client, team, draft, contributor):
    go_stale(contributor)
    as_user(client, team["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).text
    assert RULE in html
    assert "Ana Ruiz, MD" in html

    confirm_again(contributor)
    assert RULE not in client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).text


# The funder flag.


FLAG = (
    "Funder relationship: Ben Ode, FRCPath discloses Consultancy fees from Amgen Inc., a "
    "funder of this article&#x27;s programme “Education grant 2026”."
)


def funded_article(index, company):
    programme = Programme(name="Education grant 2026")
    programme.funders.set([create_funder("Amgen")])
    programme.save()
    expert = create_contributor(
        "Ben Ode", credentials="FRCPath", relationships=[relationship(company)]
    )
    article = create_article(
        index,
        "Funded article",
        publish=False,
        contributor_links=with_contributors(expert),
        programmes=[programme],
    )
    return article, expert


def test_compliance_sees_a_contributor_paid_by_a_funder_of_the_article(client, team, index):
    article, expert = funded_article(index, "Amgen Inc.")
    submit(client, team["editor"], article, [expert])
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    # Medical review does not; compliance's work starts after it.
    assert "Funder relationship" not in dashboard(client, team["medical"])
    assert "Funder relationship" not in client.get(edit_url).text
    assert_done(act(client, article, "approve", "Sound."))

    row = awaiting_row(dashboard(client, team["compliance"]), "Funded article")
    assert FLAG in row
    assert "Approve" in row
    assert FLAG in client.get(edit_url).text
    # Site managers, in everything in review and on the edit page.
    assert FLAG in dashboard(client, team["manager"])
    assert FLAG in client.get(edit_url).text


def test_no_flag_when_no_relationship_names_a_funder(client, team, index):
    article, expert = funded_article(index, "Pfizer")
    submit(client, team["editor"], article, [expert])
    as_user(client, team["medical"])
    assert_done(act(client, article, "approve", "Sound."))

    assert "Funder relationship" not in dashboard(client, team["compliance"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert "Funder relationship" not in client.get(edit_url).text


def test_re_certifying_a_live_article_is_refused_with_the_reason(client, team, index, contributor):
    """The re-certification of a live page starts a review run too (certification/recertify.py)."""
    article = create_article(
        index, "Live faculty article", contributor_links=with_contributors(contributor)
    )
    go_stale(contributor)
    client.force_login(team["medical"])
    url = reverse("hub_recertify:recertify", args=(article.pk,))

    response = client.post(url)

    # The confirmation page again, saying why, as a conflict.
    assert response.status_code == 409
    assert "more than 12 months ago" in response.content.decode()
    assert not WorkflowState.objects.for_instance(article).exists()

    confirm_again(contributor)
    client.post(url)
    assert WorkflowState.objects.for_instance(article).get().status == "in_progress"
