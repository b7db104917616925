from django.urls import path, register_converter

from surveys import views
from surveys.quiz_flow import PHASES


class QuizPhaseConverter:
    """The quiz taken before or after reading the article."""

    regex = "|".join(PHASES)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(QuizPhaseConverter, "quiz_phase")

app_name = "surveys"

urlpatterns = [
    path("polls/<int:poll_id>/vote/", views.vote_on_poll, name="poll_vote"),
    path("quizzes/<int:quiz_id>/<quiz_phase:phase>/", views.answer_quiz, name="quiz_answer"),
    # A reader's own version of a part of a shared page, which nginx puts in its place
    # (surveys/views.py); one prefix for nginx to recognise them by.
    path("reader/polls/<int:poll_id>/", views.poll_part, name="poll_reader_part"),
    path("reader/surveys/<int:survey_id>/", views.survey_part, name="survey_reader_part"),
    path(
        "reader/quizzes/<int:quiz_id>/<quiz_phase:phase>/", views.quiz_part, name="quiz_reader_part"
    ),
]
