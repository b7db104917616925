"""The optional staff second factor (django-two-factor-auth, TOTP)."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model

PASSWORD = "a-correct-horse-battery-staple"
LOGIN = "/admin/2fa/account/login/"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("staff", "staff@example.com", PASSWORD)


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="default", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def password_step(client):
    return client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": "staff",
            "auth-password": PASSWORD,
        },
    )


def token_step(client, code):
    return client.post(LOGIN, {"login_view-current_step": "token", "token-otp_token": code})


def test_the_admin_sends_staff_to_the_two_step_login(client, staff):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_without_a_device_the_password_is_enough(client, staff):
    response = password_step(client)

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_a_device_the_password_alone_does_not_open_the_admin(client, device):
    response = password_step(client)

    assert response.status_code == 200
    assert "token-otp_token" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_the_right_code_opens_the_admin(client, device):
    password_step(client)
    response = token_step(client, current_code(device))

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(client, device):
    password_step(client)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = token_step(client, wrong)

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_wagtails_password_only_form_cannot_skip_the_code(client, device):
    client.post("/admin/login/", {"username": "staff", "password": PASSWORD})

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert client.get("/admin/").status_code == 302  # signed out, not just redirected


def test_when_required_staff_without_a_device_must_set_one_up(client, staff, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/admin/2fa/account/two_factor/setup/"
    assert client.get(response.url).status_code == 200


def test_the_account_page_links_to_the_second_factor_settings(client, staff):
    client.force_login(staff)

    response = client.get("/admin/account/")

    assert "/admin/2fa/account/two_factor/" in response.content.decode()
    assert client.get("/admin/2fa/account/two_factor/").status_code == 200
