from .poll import PollChoice, PollPage, PollVote
from .settings import SurveySettings
from .survey import SurveyFormField, SurveyPage, SurveyResponse
from .tallies import PollVoteTally, SurveyAnswerTally, SurveyResponseTally

__all__ = [
    "PollChoice",
    "PollPage",
    "PollVote",
    "PollVoteTally",
    "SurveyAnswerTally",
    "SurveyFormField",
    "SurveyPage",
    "SurveyResponse",
    "SurveyResponseTally",
    "SurveySettings",
]
