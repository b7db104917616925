from two_factor import urls as two_factor_urls

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub_site import views
from hub_site.security import views as security_views

# Lists the language versions of the page a missing URL names (hub_site.languages).
handler404 = "hub_site.languages.views.page_not_found"
# 503 with a static page while the database is unreachable (hub_site/database_unavailable.py).
handler500 = "hub_site.database_unavailable.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_views.security_txt, name="security_txt"),
    # The staff sign-in with its optional second factor (django-two-factor-auth).
    path("admin/2fa/", include(two_factor_urls.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader-facing pages live under a language prefix (/en/, /es/ …); "/" redirects to the
# reader's language through LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("hcp-confirm/", include("hub_site.gate.urls")),
    # A reader's machine translation of a page (hub_site/translation/reader_machine_translation.py).
    path("machine-translation/", include("hub_site.translation.reader_machine_translation_urls")),
    # Before Wagtail's catch-all: /<lang>/search/ and /<lang>/feed/, /<lang>/polls/<id>/vote/.
    path("", include("articles.urls")),
    path("", include("surveys.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
