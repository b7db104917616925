"""Staff sign-in: lockout after repeated failures (django-axes), session expiry."""

import pytest
from axes.models import AccessAttempt

from django.contrib.auth import get_user_model

PASSWORD = "a-correct-horse-battery-staple"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    return settings


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)


def sign_in(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password})


@pytest.mark.django_db
def test_the_right_password_signs_in(client, axes_on, editor):
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_after_repeated_failures_even_the_right_password_is_refused(client, axes_on, editor):
    for _attempt in range(axes_on.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong-password").status_code == 200  # the form again

    locked = sign_in(client, "wrong-password")
    after = sign_in(client, PASSWORD)

    assert locked.status_code == 429
    assert after.status_code == 429
    assert "Sign-in temporarily locked" in after.content.decode()
    assert "even with the right password" in after.content.decode()
    assert client.get("/admin/").status_code == 302  # still signed out


@pytest.mark.django_db
def test_the_lockout_stores_no_client_address(client, axes_on, editor):
    for _attempt in range(axes_on.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong-password")

    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address != "127.0.0.1"
    assert attempt.ip_address.startswith("fd")


@pytest.mark.django_db
def test_another_address_is_not_locked_out(client, axes_on, editor):
    for _attempt in range(axes_on.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong-password")

    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.7",
    )

    assert response.status_code == 302


def test_staff_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
