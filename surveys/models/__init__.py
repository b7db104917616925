from .poll import PollChoice, PollPage, PollVote
from .quiz import Phase, QuizAnswer, QuizAttempt, QuizPage
from .settings import SurveySettings
from .survey import SurveyFormField, SurveyPage, SurveyResponse
from .tallies import PollVoteTally, SurveyAnswerTally, SurveyResponseTally

__all__ = [
    "PollChoice",
    "PollPage",
    "PollVote",
    "PollVoteTally",
    "Phase",
    "QuizAnswer",
    "QuizAttempt",
    "QuizPage",
    "SurveyAnswerTally",
    "SurveyFormField",
    "SurveyPage",
    "SurveyResponse",
    "SurveyResponseTally",
    "SurveySettings",
]
