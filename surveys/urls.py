from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    path("polls/<int:poll_id>/vote/", views.vote_on_poll, name="poll_vote"),
    # A reader's own version of a part of a shared page, which nginx puts in its place
    # (surveys/views.py); one prefix for nginx to recognise them by.
    path("reader/polls/<int:poll_id>/", views.poll_part, name="poll_reader_part"),
    path("reader/surveys/<int:survey_id>/", views.survey_part, name="survey_reader_part"),
]
