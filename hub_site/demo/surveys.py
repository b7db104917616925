"""Demo surveys and polls from the seed page: the article feedback survey and the poll.

Each is created once; running the loader again changes nothing.
"""

from wagtail.models import Site

from hub_site.demo.publishing import publish_reviewed
from surveys.models import PollChoice, PollPage, SurveyFormField, SurveyPage, SurveySettings

FEEDBACK_SURVEY_SLUG = "article-feedback"
FEEDBACK_INTRO = "Please indicate your level of agreement with the following statements:"
FEEDBACK_STATEMENTS = [
    "The content was clear and easy to understand",
    "The content addressed the learning objectives",
    "The content was relevant to my practice",
    "I will change my clinical practice as a result of this content",
]
FEEDBACK_COMMENTS = "Any other comments?"
FEEDBACK_SEARCH_DESCRIPTION = "Feedback on the articles of The ALL Hub."

POLL_SLUG = "your-opinion-matters"
POLL_TITLE = "Your opinion matters"
POLL_QUESTION = (
    "What is your perception of incorporating blinatumomab into upfront ALL treatment "
    "regimens alongside traditional chemotherapy and pegaspargase?"
)
POLL_SEARCH_DESCRIPTION = (
    "A poll for healthcare professionals on blinatumomab in upfront ALL treatment."
)
POLL_CHOICES = [
    "Very positive",
    "Somewhat positive",
    "Neutral / unsure",
    "Somewhat negative",
    "Very negative",
]


def _feedback_survey(home):
    survey = SurveyPage.objects.child_of(home).filter(slug=FEEDBACK_SURVEY_SLUG).first()
    if survey is not None:
        return _with_search_description(survey, FEEDBACK_SEARCH_DESCRIPTION)
    # Numbered as the editor numbers them: rows without a sort_order come back in no set
    # order from PostgreSQL once one of them has been updated.
    fields = [
        SurveyFormField(label=statement, field_type="likert", required=True, sort_order=order)
        for order, statement in enumerate(FEEDBACK_STATEMENTS)
    ]
    fields.append(
        SurveyFormField(
            label=FEEDBACK_COMMENTS,
            field_type="multiline",
            required=False,
            sort_order=len(FEEDBACK_STATEMENTS),
        )
    )
    survey = SurveyPage(
        title="Your feedback",
        slug=FEEDBACK_SURVEY_SLUG,
        intro=FEEDBACK_INTRO,
        search_description=FEEDBACK_SEARCH_DESCRIPTION,
        thank_you_text="Thank you for your feedback: it helps us plan the next articles.",
        form_fields=fields,
    )
    home.add_child(instance=survey)
    publish_reviewed(survey.save_revision())
    return survey


def _poll(home):
    poll = PollPage.objects.child_of(home).filter(slug=POLL_SLUG).first()
    if poll is not None:
        return _with_search_description(poll, POLL_SEARCH_DESCRIPTION)
    poll = PollPage(
        title=POLL_TITLE,
        slug=POLL_SLUG,
        question=POLL_QUESTION,
        search_description=POLL_SEARCH_DESCRIPTION,
        results_shown=PollPage.RESULTS_AFTER_VOTE,
        choices=[
            PollChoice(label=label, sort_order=order) for order, label in enumerate(POLL_CHOICES)
        ],
    )
    home.add_child(instance=poll)
    publish_reviewed(poll.save_revision())
    return poll


def _with_search_description(page, text):
    """Demo pages made before they had a search description get it (translations mark
    themselves as demo translations there)."""
    if page.search_description != text:
        page.search_description = text
        publish_reviewed(page.save_revision())
    return page


def load_surveys(home):
    """Create the seed's feedback survey and poll, and make the survey the site's default."""
    survey = _feedback_survey(home)
    poll = _poll(home)
    site_settings = SurveySettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.default_feedback_survey_id is None:
        site_settings.default_feedback_survey = survey
        site_settings.save()
    return survey, poll


def feature_poll_on_article(poll, article):
    """Show the seed's poll at the foot of the seed's article, as on the seed page."""
    if article.featured_poll_id == poll.pk:
        return
    article.featured_poll = poll
    publish_reviewed(article.save_revision())
