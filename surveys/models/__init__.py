from .poll import PollChoice, PollPage, PollVote
from .settings import SurveySettings
from .survey import SurveyFormField, SurveyPage, SurveyResponse

__all__ = [
    "PollChoice",
    "PollPage",
    "PollVote",
    "SurveyFormField",
    "SurveyPage",
    "SurveyResponse",
    "SurveySettings",
]
