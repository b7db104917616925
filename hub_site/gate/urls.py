from django.urls import path

from hub_site.gate import views

app_name = "hcp_gate"

urlpatterns = [
    path("", views.confirm, name="confirm"),
    path("withdraw/", views.withdraw, name="withdraw"),
]
