from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feed/", LatestArticlesFeed(), name="feed"),
]
