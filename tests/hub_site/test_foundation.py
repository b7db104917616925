import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection

from wagtail.models import Locale, Site

from home.models import HomePage

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONFIGURED_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@pytest.mark.django_db
def test_migrate_creates_a_locale_for_each_configured_language():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= set(CONFIGURED_LANGUAGES)
    assert CONFIGURED_LANGUAGES == ["en", "es", "fr", "de", "it", "pt"]


@pytest.mark.django_db
def test_home_page_is_the_default_site_root():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("language", CONFIGURED_LANGUAGES)
def test_home_page_is_served_in_each_configured_locale(hcp_client, language):
    response = hcp_client.get(f"/{language}/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert response.context["page"].specific_class is HomePage


@pytest.mark.django_db
def test_root_redirects_to_the_readers_language(client):
    response = client.get("/", headers={"accept-language": "es-ES,es;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/es/"


@pytest.mark.django_db
def test_root_redirects_to_the_default_language_for_unknown_preferences(client):
    response = client.get("/", headers={"accept-language": "ja"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_unknown_path_is_a_404_page(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "queue": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_a_task_has_waited_too_long_for_a_worker(client, settings):
    from datetime import timedelta

    from django_tasks_db.models import DBTaskResult

    from django.utils import timezone

    from hub_site.cache.edge import send_purges

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_QUEUE_STUCK_SECONDS = 300
    send_purges.enqueue(["http://testserver/en/"], 0)
    later = send_purges.using(run_after=timezone.now() + timedelta(hours=1))
    later.enqueue(["http://testserver/en/"], 0)
    assert client.get("/healthz").status_code == 200, "waiting a little is normal"

    # Due since six minutes and never run: no worker runs, or they cannot keep up.
    six_minutes_ago = timezone.now() - timedelta(minutes=6)
    DBTaskResult.objects.filter(run_after__gt=timezone.now() + timedelta(days=1)).update(
        enqueued_at=six_minutes_ago
    )
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "up", "queue": "stuck"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_answers_503_when_the_database_is_unavailable(client, tmp_path):
    saved = connection.settings_dict.copy()
    connection.close()
    if connection.vendor == "sqlite":
        unavailable = {"NAME": str(tmp_path / "missing-dir" / "db.sqlite3")}
    else:
        unavailable = {"HOST": "127.0.0.1", "PORT": "9"}  # the discard port: nothing listens
    connection.settings_dict.update(unavailable)
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def _import_production_settings(**environ):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}
    }
    env.update(environ, DJANGO_SETTINGS_MODULE="settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_a_missing_secret_key():
    result = _import_production_settings(ALLOWED_HOSTS="hub.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_the_development_secret_key():
    result = _import_production_settings(
        SECRET_KEY=settings.DEV_SECRET_KEY, ALLOWED_HOSTS="hub.example"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_debug():
    result = _import_production_settings(
        SECRET_KEY="x" * 50, ALLOWED_HOSTS="hub.example", DEBUG="true"
    )
    assert result.returncode != 0
    assert "DEBUG must not be set" in result.stderr


def test_production_settings_load_with_a_real_configuration():
    result = _import_production_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="hub.example")
    assert result.returncode == 0, result.stderr
