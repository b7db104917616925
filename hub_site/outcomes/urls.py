from django.urls import path

from hub_site.outcomes import views
from hub_site.outcomes.scope import ARTICLE, PROGRAMME

app_name = "hub_outcomes"
urlpatterns = [
    path("", views.OutcomesIndexView.as_view(), name="index"),
    path("article/<int:pk>/", views.ReportView.as_view(kind=ARTICLE), name="article"),
    path(
        "article/<int:pk>/print/",
        views.PrintableReportView.as_view(kind=ARTICLE),
        name="article_print",
    ),
    path("programme/<int:pk>/", views.ReportView.as_view(kind=PROGRAMME), name="programme"),
    path(
        "programme/<int:pk>/print/",
        views.PrintableReportView.as_view(kind=PROGRAMME),
        name="programme_print",
    ),
]
