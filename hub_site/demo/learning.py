"""The seed article's learning outcomes: a quick quiz on what it teaches (in English, then
Spanish and French), the funded programme it belongs to, and what the feedback survey's
statements measure.

Every step looks its rows up first and publishes only what differs, so running it again
creates no rows and no revisions. The quiz's questions and choices have fixed block ids
(uuid5 of a constant): wagtail-localize keeps them in every translation, and the demo's
fictional answers (``hub_site.demo.fictional_answers``) point at them.
"""

import json
import uuid

from django.utils.text import slugify

from articles.models import ArticlePage, Programme
from home.models import FunderIndexPage, FunderPage
from hub_site.demo.funders import FUNDERS
from hub_site.demo.publishing import publish_reviewed
from hub_site.demo.translations import DEMO_LANGUAGES, publish_translation
from surveys.models import QuizPage, SurveyPage
from surveys.models.survey import OutcomeMeasure

QUIZ_SLUG = "quick-quiz-allo-hsct"
QUIZ_FIELDS = {
    "title": "Quick quiz: allo-HSCT in CR2 for AYAs with ALL",
    "intro": (
        "Test what you know before reading the article, then take the quiz again afterwards "
        "to see what you have learned."
    ),
    "search_description": (
        "Four questions on allogeneic HSCT in second complete remission for adolescents and "
        "young adults with ALL."
    ),
}
# Only figures the seed article states; the explanations quote it.
QUIZ_QUESTIONS = [
    {
        "question": (
            "In the dual-center study of 164 AYAs with ALL who underwent allo-HSCT in CR2, "
            "what was the 3-year overall survival?"
        ),
        "choices": [("18%", False), ("36%", False), ("46%", False), ("53%", True)],
        "explanation": (
            "At a median follow-up of 36 months, 3-year overall survival was 53% and "
            "progression-free survival 46%."
        ),
    },
    {
        "question": "What was the 3-year cumulative incidence of relapse after allo-HSCT in CR2?",
        "choices": [("18%", False), ("36%", True), ("53%", False)],
        "explanation": (
            "The 3-year cumulative incidences of relapse and non-relapse mortality were 36% "
            "and 18%, respectively."
        ),
    },
    {
        "question": (
            "What did measurable residual disease (MRD) positivity before transplant predict?"
        ),
        "choices": [
            ("Worse overall survival only", False),
            (
                "Worse progression-free survival and a higher risk of relapse, but not worse "
                "overall survival",
                True,
            ),
            ("Higher non-relapse mortality, but not a higher risk of relapse", False),
        ],
        "explanation": (
            "MRD positivity predicted worse progression-free survival (HR, 2.7; 95% CI, "
            "1.5–4.8; p\u00a0<\u00a00.001) and a higher relapse risk (HR, 2.8; 95% CI, "
            "1.4–5.6; p\u00a0=\u00a00.004), but not overall survival."
        ),
    },
    {
        "question": (
            "Which factor was independently associated with inferior overall survival, "
            "inferior progression-free survival and higher non-relapse mortality?"
        ),
        "choices": [
            ("An allo-HSCT-specific comorbidity index >3", True),
            ("MRD positivity before transplant", False),
            ("No factor was associated with these outcomes", False),
        ],
        "explanation": (
            "An allo-HSCT-specific comorbidity index >3 was independently associated with "
            "inferior overall and progression-free survival and higher non-relapse mortality. "
            "MRD positivity predicted worse progression-free survival and relapse, but not "
            "overall survival."
        ),
    },
]
# The root of the quiz's block ids: the same ids on every database the demo is loaded into.
QUIZ_BLOCK_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "hub-cms:demo:quick-quiz-allo-hsct")

PROGRAMME_NAME = "ALL Hub independent medical education programme"
PROGRAMME_GRANT_REFERENCE = "ALLHUB-2026-01"

# What each feedback statement tells the outcomes report; the others measure satisfaction.
STATEMENT_MEASURES = {
    "The content addressed the learning objectives": OutcomeMeasure.OBJECTIVES,
    "I will change my clinical practice as a result of this content": (
        OutcomeMeasure.PRACTICE_CHANGE
    ),
}


def block_id(*parts):
    return str(uuid.uuid5(QUIZ_BLOCK_IDS, "/".join(str(part) for part in parts)))


def quiz_stream():
    """The questions as Wagtail stores them, ids included."""
    return [
        {
            "type": "question",
            "value": {
                "question": question["question"],
                "choices": [
                    {
                        "type": "item",
                        "value": {"label": label, "correct": correct},
                        "id": block_id("question", number, "choice", choice_number),
                    }
                    for choice_number, (label, correct) in enumerate(question["choices"], start=1)
                ],
                "explanation": question["explanation"],
            },
            "id": block_id("question", number),
        }
        for number, question in enumerate(QUIZ_QUESTIONS, start=1)
    ]


def load_quiz(home):
    """The English quiz, published and certified, then its Spanish and French translations."""
    quiz = QuizPage.objects.child_of(home).filter(slug=QUIZ_SLUG).first()
    stream = quiz_stream()
    if quiz is None:
        quiz = QuizPage(slug=QUIZ_SLUG, **QUIZ_FIELDS, questions=json.dumps(stream))
        home.add_child(instance=quiz)
        publish_reviewed(quiz.save_revision())
    elif not (_unchanged(quiz, stream) and quiz.live):
        for name, value in QUIZ_FIELDS.items():
            setattr(quiz, name, value)
        quiz.questions = json.dumps(stream)
        publish_reviewed(quiz.save_revision())
    for language_code in DEMO_LANGUAGES:
        # wagtail-localize puts a translated page under its parent's translation: the home
        # page's, published here if the quiz comes first (load_translations then finds it
        # current).
        publish_translation(home, language_code)
        publish_translation(quiz, language_code)
    return quiz


def _unchanged(quiz, stream):
    return (
        all(getattr(quiz, name) == value for name, value in QUIZ_FIELDS.items())
        and list(quiz.questions.raw_data) == stream
    )


def load_programme(home):
    """The demo's funded programme, funded by the seed's funders."""
    funders = FunderPage.objects.child_of(FunderIndexPage.objects.child_of(home).get()).filter(
        slug__in=[slugify(funder["title"]) for funder in FUNDERS]
    )
    programme = Programme.objects.filter(name=PROGRAMME_NAME).first()
    if (
        programme is not None
        and programme.grant_reference == PROGRAMME_GRANT_REFERENCE
        and set(programme.funders.all()) == set(funders)
    ):
        return programme
    programme = programme or Programme(name=PROGRAMME_NAME)
    programme.grant_reference = PROGRAMME_GRANT_REFERENCE
    # A ParentalManyToManyField: kept in memory until the programme is saved.
    programme.funders.set(funders)
    programme.save()
    return programme


def add_quiz_and_programme(article, quiz, programme):
    """Show the quiz on ``article`` and tag it with the programme, in one certified
    publication; its translations follow in load_translations (both are synchronized)."""
    # Read again: the article in hand may predate its last publication.
    article = ArticlePage.objects.get(pk=article.pk)
    programmes = list(article.programmes.all())
    if article.quiz_id == quiz.pk and programme in programmes:
        return article
    article.quiz = quiz
    if programme not in programmes:
        article.programmes.set([*programmes, programme])
    publish_reviewed(article.save_revision())
    return article


def measure_feedback_outcomes(survey):
    """Say what each feedback statement measures, through a certified publication of the
    survey, as every change to a live demo page goes; the Spanish and French surveys follow
    in load_translations (``measures`` is synchronized)."""
    survey = SurveyPage.objects.get(pk=survey.pk)
    fields = list(survey.form_fields.all())
    wanted = [STATEMENT_MEASURES.get(field.label, OutcomeMeasure.SATISFACTION) for field in fields]
    if [field.measures for field in fields] == wanted:
        return survey
    for field, measure in zip(fields, wanted, strict=True):
        field.measures = measure
    # Set in memory, so that the revision holds the changed rows.
    survey.form_fields = fields
    publish_reviewed(survey.save_revision())
    return survey
