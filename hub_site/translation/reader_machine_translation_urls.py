from django.urls import path

from hub_site.translation.reader_machine_translation_views import machine_translated_page

app_name = "hub_translation_reader"

urlpatterns = [
    path("<int:page_id>/", machine_translated_page, name="page"),
]
