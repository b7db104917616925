"""Feedback surveys and polls inside other pages' templates.

``{% feedback_survey article %}``  the article's survey form, or its thank-you state
``{% poll_card poll article=None %}``  a poll's vote form or its results
``{% latest_open_poll %}``  the newest open poll in the reader's language (home page)
``{% article_quiz article phase %}``  the article's quick quiz "before" or "after" reading
"""

from django import template
from django.db.models import Q
from django.utils import timezone

from hub_site.languages.content_language import active_content_language
from hub_site.public_pages import public
from hub_site.shown import shown_list
from surveys.models import PollPage, SurveySettings
from surveys.poll_flow import PollFlow
from surveys.quiz_flow import PHASES, QuizFlow
from surveys.survey_flow import SurveyFlow

register = template.Library()


def _localized_live(page, article):
    """The page's live translation in the article's language (without an article, the
    reader's); None if there is none.

    Its language must be the article's: answers are validated against it. Usually the
    reader's language is the article's; on a reader's machine translation of the article
    (hub_site/translation/reader_machine_translation.py) it is not. The article's locale
    id says which language that is, so choosing the page costs no query for the locale.
    """
    if page is None:
        return None
    page = page.specific
    if article is None:
        page = page.localized
    elif page.locale_id != article.locale_id:
        page = (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale_id=article.locale_id)
            .first()
        )
    if page is None or not page.live:
        return None
    return page


def feedback_survey_for(article, request):
    survey = getattr(article, "feedback_survey", None)
    if survey is None:
        survey = SurveySettings.for_request(request).default_feedback_survey
    return _localized_live(survey, article)


@register.inclusion_tag("surveys/tags/feedback_survey.html", takes_context=True)
def feedback_survey(context, article):
    request = context["request"]
    survey = feedback_survey_for(article, request)
    if survey is None:
        return {"survey": None}
    return SurveyFlow(survey).context(request, article)


@register.inclusion_tag("surveys/tags/poll_card.html", takes_context=True)
def poll_card(context, poll, article=None):
    request = context["request"]
    poll = _localized_live(poll, article)
    if poll is None:
        return {"poll": None}
    return PollFlow(poll).context(request, article)


def latest_open_poll_for(language_code):
    # Whichever poll is newest: publishing another changes it.
    shown_list(PollPage)
    now = timezone.now()
    return (
        public(PollPage.objects.live())
        .filter(locale__language_code=language_code)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .order_by("-first_published_at", "-pk")
        .first()
    )


@register.inclusion_tag("surveys/tags/poll_card.html", takes_context=True)
def latest_open_poll(context):
    request = context["request"]
    poll = latest_open_poll_for(active_content_language())
    if poll is None:
        return {"poll": None}
    return PollFlow(poll).context(request, None)


@register.inclusion_tag("surveys/tags/quiz.html", takes_context=True)
def article_quiz(context, article, phase):
    if phase not in PHASES:
        raise template.TemplateSyntaxError(f"article_quiz takes a phase of {PHASES}")
    quiz = _localized_live(getattr(article, "quiz", None), article)
    if quiz is None:
        return {"quiz": None}
    return QuizFlow(quiz, phase).context(context["request"], article)
