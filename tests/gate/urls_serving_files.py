"""The site's URLs plus static and media files served by Django, as `settings.dev` does.

Tests run with DEBUG off, where Django serves no files; this URLconf lets them check
which file URLs the gate opens.
"""

from django.conf import settings
from django.contrib.staticfiles.views import serve as serve_static
from django.urls import re_path
from django.views.static import serve as serve_media

from hub_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^static/(?P<path>.*)$", serve_static, {"insecure": True}),
    re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
