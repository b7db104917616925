"""A reader answers the article feedback survey and votes in the poll, in Chromium."""

from articles.models import ArticlePage
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from hub_site.demo.surveys import FEEDBACK_STATEMENTS
from surveys.models import PollVote, SurveyResponse
from tests.demo_rows import load_demo_content


def test_reader_answers_the_feedback_survey_and_votes_in_the_poll(live_site, hcp_page, screenshot):
    load_demo_content()
    article = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale__language_code="en")
    poll = article.featured_poll
    # The demo's fictional readers answered and voted already.
    earlier_responses = list(SurveyResponse.objects.values_list("pk", flat=True))
    earlier_votes = list(PollVote.objects.values_list("pk", flat=True))

    hcp_page.goto(f"{live_site.url}{article.url}")
    assert hcp_page.get_by_text(
        "Please indicate your level of agreement with the following statements:"
    ).is_visible()
    for statement, level in zip(
        FEEDBACK_STATEMENTS, ["Strongly agree", "Agree", "Agree", "Disagree"], strict=True
    ):
        group = hcp_page.get_by_role("group", name=statement)
        group.get_by_role("radio", name=level, exact=True).check()
    hcp_page.get_by_label("Any other comments?").fill("A clear summary, thank you.")
    screenshot("survey-wide")
    hcp_page.set_viewport_size({"width": 390, "height": 844})
    screenshot("survey-narrow")
    hcp_page.set_viewport_size({"width": 1280, "height": 900})
    hcp_page.get_by_role("button", name="Send feedback").click()

    hcp_page.wait_for_url(f"{live_site.url}{article.url}#feedback")
    response = SurveyResponse.objects.exclude(pk__in=earlier_responses).get()
    assert response.article_id == article.pk
    assert response.form_data["the_content_was_clear_and_easy_to_understand"] == 5
    feedback = hcp_page.locator("#feedback")
    assert feedback.get_by_role("status").inner_text() == (
        "Thank you for your feedback: it helps us plan the next articles."
    )
    assert hcp_page.locator("form.survey-form").count() == 0
    hcp_page.reload()
    assert feedback.get_by_role("status").inner_text() == (
        "You have already answered this survey. Thank you for your feedback."
    )

    choices = hcp_page.get_by_role("group", name=poll.question)
    choices.get_by_role("radio", name="Somewhat positive").check()
    hcp_page.get_by_role("button", name="Vote").click()

    hcp_page.wait_for_url(f"{live_site.url}{article.url}#poll-{poll.pk}")
    assert hcp_page.locator(f"#poll-{poll.pk}").get_by_role("status").inner_text() == (
        "Thank you for voting."
    )
    results = hcp_page.locator(".poll-result")
    assert results.count() == 5
    votes = {row.choice.label: row for row in poll.results()[0]}
    total = len(earlier_votes) + 1
    for number, label in enumerate(["Very positive", "Somewhat positive"]):
        row = votes[label]
        figures = f"{row.percent}% ({row.votes} vote{'s' if row.votes != 1 else ''})"
        assert results.nth(number).inner_text().split("\n") == [label, figures]
    assert hcp_page.get_by_text(f"{total} votes in total.").is_visible()
    assert PollVote.objects.exclude(pk__in=earlier_votes).get().choice.label == (
        "Somewhat positive"
    )
    screenshot("poll-results")
