from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    path("polls/<int:poll_id>/vote/", views.vote_on_poll, name="poll_vote"),
]
