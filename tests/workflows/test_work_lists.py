"""Each role's dashboard is its work list: what waits, on whom, since when, one click away."""

import csv

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

from articles.models import ArticlePage
from home.models import HomePage
from hub_site.workflows import roles, work_lists
from tests.articles.factories import create_index
from tests.publishing import publish_certified
from tests.translation.helpers import start_translation
from tests.workflows.test_editorial_workflow import act, article_form, as_user


def submit_article(client, editor, index, slug):
    as_user(client, editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk)),
        article_form(f"Article {slug}", slug, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:2000]
    return ArticlePage.objects.get(slug=slug)


@pytest.fixture
def index(home):
    return create_index(parent=home)


@pytest.fixture
def home(db):
    return HomePage.objects.get(depth=2, locale__language_code="en")


def dashboard(client, user):
    as_user(client, user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_reads_the_reviewers_request_on_the_dashboard_the_edit_page_and_the_mail(
    client, team, index
):
    page = submit_article(client, team["editor"], index, "needs-a-reference")
    as_user(client, team["medical"])
    act(client, page, "approve", "Medically sound.")
    mail.outbox.clear()
    as_user(client, team["compliance"])
    act(client, page, "reject", "The 53% figure needs a reference.")

    html = dashboard(client, team["editor"])
    panel = html[html.index('id="hub_changes_requested') :]
    assert "Article needs-a-reference" in panel[:4000]
    assert "Compliance" in panel[:4000]  # the reviewer's name (first name or username)
    assert roles.COMPLIANCE_TASK in panel[:4000]
    assert "The 53% figure needs a reference." in panel[:4000]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'href="{edit_url}"' in panel[:4000]

    edit = client.get(edit_url).content.decode()
    assert "Changes requested by compliance at “Compliance sign-off”" in edit
    assert "The 53% figure needs a reference." in edit
    # Resubmitting saves a new revision: both steps review it again, and the label says so.
    assert (
        f"Resubmit: {roles.COMPLIANCE_TASK}, then {roles.MEDICAL_REVIEW_TASK} again, "
        "because the page changed"
    ) in edit
    assert "Restart the review from its first step" in edit

    (message,) = [m for m in mail.outbox if team["editor"].email in m.to]
    assert message.subject.startswith("Changes requested by compliance")
    assert "rejected" not in message.subject + message.body
    assert "The 53% figure needs a reference." in message.body


def test_reviewers_see_what_awaits_them_oldest_first_and_what_they_reviewed(client, team, index):
    first = submit_article(client, team["editor"], index, "first")
    second = submit_article(client, team["editor"], index, "second")

    html = dashboard(client, team["medical"])
    panel = html[html.index('id="hub_awaiting_review') :]
    assert panel.index("Article first") < panel.index("Article second")
    assert "Waiting for" in panel
    # Compliance has nothing yet: it says so rather than showing a blank dashboard.
    assert "Nothing awaits your review." in dashboard(client, team["compliance"])

    as_user(client, team["medical"])
    act(client, first, "approve", "Fine.")
    html = dashboard(client, team["medical"])
    reviewed = html[html.index('id="hub_recently_reviewed') :]
    assert "Article first" in reviewed
    awaiting = html[html.index('id="hub_awaiting_review') : html.index('id="hub_recently')]
    assert "Article first" not in awaiting
    assert "Article second" in awaiting
    assert "Article first" in dashboard(client, team["compliance"])

    # Site managers see the whole queue by step, not a second "awaiting" list.
    html = dashboard(client, team["manager"])
    assert 'id="hub_awaiting_review' not in html
    queue = html[html.index('id="hub_review_queue') :]
    assert queue.index(roles.COMPLIANCE_TASK) < queue.index(roles.MEDICAL_REVIEW_TASK)
    assert second.title in queue


def test_the_editor_sees_their_drafts_and_what_is_in_review(client, team, index):
    submit_article(client, team["editor"], index, "in-review")
    as_user(client, team["editor"])
    client.post(
        reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk)),
        article_form("Article a-draft", "a-draft"),
    )
    html = dashboard(client, team["editor"])
    drafts = html[html.index('id="hub_my_drafts') :]
    assert "Article a-draft" in drafts[:3000]
    assert "Article in-review" not in drafts[:3000]
    in_review = html[html.index('id="hub_mine_in_review') :]
    assert "Article in-review" in in_review
    assert roles.MEDICAL_REVIEW_TASK in in_review
    # Nobody else's work is listed as theirs.
    assert "Article a-draft" not in dashboard(client, team["medical"])


def test_the_translator_sees_what_to_translate_per_language_in_use(client, team, home, index):
    publish_certified(
        home.copy_for_translation(Locale.objects.get(language_code="es")).save_revision()
    )
    html = dashboard(client, team["translator"])
    panel = html[html.index('id="hub_to_translate') :]
    assert "Spanish" in panel
    assert "German" not in panel  # no German page tree: not a language in use
    translate = reverse("wagtail_localize:submit_page_translation", args=[index.pk])
    assert f'href="{translate}?select_locale=es"' in panel
    assert 'id="hub_to_translate' not in dashboard(client, team["editor"])


def dashboard_queries(client, team):
    counts = {}
    for role in ("editor", "medical", "manager", "translator"):
        as_user(client, team[role])
        # Warm what is cached across requests (content types, the default locale).
        client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        counts[role] = len(queries)
    return counts


def test_the_dashboard_queries_do_not_grow_with_the_queues(client, team, index):
    """Each list shows its first LIST_LIMIT rows (the reports have the rest): a reviewer's
    row asks its task which actions they may take, a few queries each, so the dashboard's
    cost is bounded by the list's length and stays the same however long the queue grows."""

    def grow_queue_to(size):
        for number in range(ArticlePage.objects.count(), size):
            submit_article(client, team["editor"], index, f"queued-{number}")
        # One more approval each time, so every list (awaiting, reviewed, queue) has rows.
        as_user(client, team["medical"])
        act(client, ArticlePage.objects.get(slug=f"queued-{size - 1}"), "approve", "Fine.")
        return dashboard_queries(client, team)

    full = work_lists.LIST_LIMIT + 2
    assert grow_queue_to(full) == grow_queue_to(full + 3)
    html = dashboard(client, team["medical"])
    awaiting = html[html.index('id="hub_awaiting_review') : html.index('id="hub_recently')]
    assert awaiting.count('class="hub-work-item"') == work_lists.LIST_LIMIT


def test_reviewers_have_a_report_of_the_steps_they_review(client, team, index):
    page = submit_article(client, team["editor"], index, "reported")
    as_user(client, team["medical"])
    act(client, page, "approve", "Fine.")
    report = reverse("hub_reviews:index")

    as_user(client, team["compliance"])
    response = client.get(report)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Article reported" in html
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert report in menu
    export = client.get(report + "?export=csv")
    assert export.status_code == 200
    rows = list(csv.DictReader(b"".join(export.streaming_content).decode().splitlines()))
    # Only the steps this reviewer acts on: compliance's, not medical review's approval.
    assert [(row["Step"], row["Page/Snippet Title"]) for row in rows] == [
        (roles.COMPLIANCE_TASK, "Article reported")
    ]

    # Editors and translators review nothing: no menu item, and the report refuses them.
    for role in ("editor", "translator"):
        as_user(client, team[role])
        assert report not in client.get(reverse("wagtailadmin_home")).content.decode()
        assert client.get(report).status_code in (302, 403)


def test_a_reviewer_returns_to_their_dashboard_told_what_they_did(client, team, index):
    page = submit_article(client, team["editor"], index, "confirmed")
    as_user(client, team["medical"])
    response = act(client, page, "approve", "Fine.")
    html = client.get(response["Location"]).content.decode()
    assert (
        f"You approved “Article confirmed” at {roles.MEDICAL_REVIEW_TASK}. "
        f"It now waits at {roles.COMPLIANCE_TASK}."
    ) in html

    as_user(client, team["compliance"])
    response = act(client, page, "reject", "Needs a reference.")
    html = client.get(response["Location"]).content.decode()
    assert "You requested changes to “Article confirmed”" in html
    # Someone else's review id, or a made-up one, confirms nothing.
    as_user(client, team["medical"])
    assert "You requested" not in client.get(response["Location"]).content.decode()
    for reviewed in ("x", "-1", "99999999999999999999", "1e3"):
        answer = client.get(reverse("wagtailadmin_home"), {"reviewed": reviewed})
        assert answer.status_code == 200
        assert "You approved" not in answer.content.decode()


def test_the_translation_editor_offers_submit_for_review_to_its_translator(client, team, index):
    as_user(client, team["translator"])
    spanish, _translation = start_translation(client, index)
    edit = reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    submit = reverse("hub_workflows:submit_translation", args=[spanish.pk])

    html = client.get(edit).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's editor
    assert f'action="{submit}"' in html
    # Nobody else submits it: the reviewer sees the editor without the button.
    as_user(client, team["translation_reviewer"])
    assert f'action="{submit}"' not in client.get(edit).content.decode()
