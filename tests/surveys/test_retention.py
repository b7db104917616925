"""Retention: ``purge_old_responses`` deletes old raw answers and keeps the counts."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from surveys.models import PollVote, PollVoteTally, SurveyResponse, SurveyResponseTally
from surveys.results import FreeTextResult

from .conftest import add_article
from .helpers import answers

pytestmark = pytest.mark.django_db
OLD = timedelta(days=800)  # beyond the default 730 days


@pytest.fixture
def second_article(home):
    return add_article(home, "Second article", "second-article")


def backdate_everything():
    then = timezone.now() - OLD
    SurveyResponse.objects.update(submit_time=then)
    PollVote.objects.update(created_at=then)
    FormSubmission.objects.update(submit_time=then)


@pytest.fixture
def history(new_reader, survey, poll, article, second_article, settings):
    """Answers and votes from three readers two years ago and two this week."""
    settings.RESPONSE_RETENTION_DAYS = 730
    choices = {c.label: c.pk for c in poll.choices.all()}
    old = [
        ("10.0.2.1", article, (5, 4, 4, 2), "Clear", "Very positive"),
        ("10.0.2.2", second_article, (1, 2, 2, 1), "Too long", "Neutral / unsure"),
        ("10.0.2.3", article, (4, 4, 3, 1), "", "Very positive"),
    ]
    recent = [
        ("10.0.2.4", article, (3, 5, 4, 2), "Useful", "Somewhat negative"),
        ("10.0.2.5", second_article, (2, 2, 5, 5), "", "Very positive"),
    ]
    for group in (old, recent):
        for address, page, levels, comments, choice in group:
            reader = new_reader(address)
            data = answers(levels=levels, comments=comments, article=page.pk)
            assert reader.post(survey.url, data).status_code == 303
            vote = {"choice": choices[choice], "article": page.pk}
            assert reader.post(poll.url, vote).status_code == 303
        if group is old:
            FormSubmission.objects.create(page=survey, form_data={"email": "old@example.org"})
            backdate_everything()
    FormSubmission.objects.create(page=survey, form_data={"email": "new@example.org"})


def results_seen(client, page, **filters):
    """What the admin results screen shows: per question, or per poll choice, and the total."""
    context = client.get(f"/admin/survey-results/{page.pk}/", filters).context
    if "poll_rows" in context:
        rows = [(str(row.choice.label), row.votes, row.percent) for row in context["poll_rows"]]
    else:
        rows = [
            (q.label, q.total)
            if isinstance(q, FreeTextResult)
            else (q.label, q.counts, q.answered, q.mean)
            for q in context["questions"]
        ]
    return rows, context["total"]


def every_view(client, survey, poll, article):
    key = str(article.translation_key)
    index = client.get("/admin/survey-results/").context["rows"]
    return {
        "index": sorted((row["page"].title, row["answers"]) for row in index),
        "survey": results_seen(client, survey),
        "survey article": results_seen(client, survey, article=key),
        "survey en": results_seen(client, survey, locale="en"),
        "poll": results_seen(client, poll),
        "poll article": results_seen(client, poll, article=key),
        "poll es": results_seen(client, poll, locale="es"),
        "reader poll": [(str(r.choice.label), r.votes) for r in poll.results()[0]],
        "article filter choices": sorted(
            str(label)
            for label in client.get(f"/admin/survey-results/{survey.pk}/")
            .context["filter_form"]["article"]
            .field.choices
        ),
    }


def test_old_rows_go_recent_stay_and_every_result_is_unchanged(
    admin_client, history, survey, poll, article
):
    before = every_view(admin_client, survey, poll, article)
    assert before["survey"][1] == 5 and before["poll"][1] == 5

    out = StringIO()
    call_command("purge_old_responses", stdout=out)

    assert "Deleted 3 survey responses, 3 poll votes and 1 support-form submissions" in (
        out.getvalue()
    )
    assert SurveyResponse.objects.count() == 2
    assert PollVote.objects.count() == 2
    assert [s.form_data["email"] for s in FormSubmission.objects.all()] == ["new@example.org"]
    assert sum(SurveyResponseTally.objects.values_list("responses", flat=True)) == 3
    assert sum(PollVoteTally.objects.values_list("votes", flat=True)) == 3
    assert every_view(admin_client, survey, poll, article) == before


def test_a_second_run_changes_nothing(admin_client, history, survey, poll, article):
    call_command("purge_old_responses", stdout=StringIO())
    after_first = every_view(admin_client, survey, poll, article)
    tallies = sorted(PollVoteTally.objects.values_list("choice_key", "votes"))

    out = StringIO()
    call_command("purge_old_responses", stdout=out)

    assert "Deleted 0 survey responses, 0 poll votes and 0 support-form submissions" in (
        out.getvalue()
    )
    assert sorted(PollVoteTally.objects.values_list("choice_key", "votes")) == tallies
    assert every_view(admin_client, survey, poll, article) == after_first


def test_later_purges_add_to_the_same_tallies(admin_client, history, survey, poll, article):
    call_command("purge_old_responses", stdout=StringIO())
    before = every_view(admin_client, survey, poll, article)
    backdate_everything()

    call_command("purge_old_responses", stdout=StringIO())

    assert SurveyResponse.objects.count() == PollVote.objects.count() == 0
    assert every_view(admin_client, survey, poll, article) == before


def test_a_dry_run_says_what_would_go_and_changes_nothing(history):
    out = StringIO()
    call_command("purge_old_responses", "--dry-run", stdout=out)

    assert "Would delete 3 survey responses, 3 poll votes and 1 support-form submissions" in (
        out.getvalue()
    )
    assert SurveyResponse.objects.count() == 5
    assert PollVote.objects.count() == 5
    assert not SurveyResponseTally.objects.exists()


def test_the_period_comes_from_the_setting_or_the_option(history, settings):
    settings.RESPONSE_RETENTION_DAYS = 1000
    out = StringIO()
    call_command("purge_old_responses", stdout=out)
    assert "Deleted 0 survey responses" in out.getvalue()

    call_command("purge_old_responses", "--days", "30", stdout=out)
    assert SurveyResponse.objects.count() == 2
    with pytest.raises(CommandError, match="at least one day"):
        call_command("purge_old_responses", "--days", "0")
