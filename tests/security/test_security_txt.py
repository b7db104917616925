"""/.well-known/security.txt (RFC 9116): open to everyone, its contact editable."""

from datetime import UTC, datetime

import pytest

from wagtail.models import Site

from hub_site.security.models import SecurityContact


@pytest.mark.django_db
def test_served_without_confirmation_with_a_contact_and_expiry(client, settings):
    settings.SERVER_EMAIL = "Hub errors <security-team@example.org>"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security-team@example.org"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert expires > datetime.now(UTC)
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"


@pytest.mark.django_db
def test_the_contact_comes_from_the_site_setting(client):
    contact = SecurityContact.for_site(Site.objects.get(is_default_site=True))
    contact.contact = "https://example.org/report-a-vulnerability"
    contact.policy = "https://example.org/security-policy"
    contact.save()

    body = client.get("/.well-known/security.txt").content.decode()

    assert "Contact: https://example.org/report-a-vulnerability\n" in body
    assert "Policy: https://example.org/security-policy\n" in body


@pytest.mark.django_db
def test_the_setting_is_edited_in_the_admin(client, django_user_model):
    from django.core.exceptions import ValidationError

    client.force_login(django_user_model.objects.create_superuser("a", "a@example.com", "pw"))
    site = Site.objects.get(is_default_site=True)

    page = client.get(f"/admin/settings/hub_security/securitycontact/{site.pk}/")

    assert page.status_code == 200
    with pytest.raises(ValidationError):
        SecurityContact(site=site, contact="javascript:alert(1)").clean()
