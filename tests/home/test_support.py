"""The support form: what is stored, what is refused, and who is told."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

from home.models import SupportPage
from tests.downloads import rows_of_csv
from tests.publishing import publish_certified

from .conftest import publish_child

CONSENT = "I agree to receive updates on the impact of contributions by email"


@pytest.fixture
def support_page(home):
    return publish_child(
        home,
        SupportPage(
            title="Support",
            slug="support",
            to_address="editors@example.com",
            subject="New support form submission",
            thank_you_text="<p>Thank you for your support.</p>",
        ),
    )


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(strip=True) for item in soup.select(".error-summary li")]


@pytest.mark.django_db
def test_form_shows_the_seed_fields_and_the_consent_wording(hcp_client, support_page):
    response = hcp_client.get(support_page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    labels = [label.get_text(strip=True) for label in soup.select("form label")]
    assert labels == [
        "I am interested in contributing",
        "Content suggestion",
        "Email address",
        CONSENT,
    ]
    assert soup.select_one("textarea")["maxlength"] == "2000"


@pytest.mark.django_db
def test_a_suggestion_is_stored_and_emailed_to_the_editors(hcp_client, support_page):
    response = hcp_client.post(
        support_page.url,
        {"interested_in_contributing": "on", "content_suggestion": "More on MRD testing."},
    )

    assert response.status_code == 200
    assert "Thank you for your support." in response.text
    submission = FormSubmission.objects.get(page=support_page)
    assert submission.form_data == {
        "interested_in_contributing": True,
        "content_suggestion": "More on MRD testing.",
        "email": "",
        "impact_updates_consent": False,
        "consent_given_at": "",
        "consent_wording": "",
    }
    (message,) = mail.outbox
    assert message.to == ["editors@example.com"]
    assert message.subject == "New support form submission"
    assert "Content suggestion: More on MRD testing." in message.body
    assert f"/admin/forms/submissions/{support_page.pk}/" in message.body


@pytest.mark.django_db
def test_an_email_is_stored_with_the_consent_its_time_and_wording(hcp_client, support_page):
    before = datetime.now().astimezone()

    response = hcp_client.post(
        support_page.url, {"email": "hcp@example.org", "impact_updates_consent": "on"}
    )

    assert response.status_code == 200
    assert "We will send updates on the impact of contributions to hcp@example.org." in (
        response.text
    )
    data = FormSubmission.objects.get(page=support_page).form_data
    assert data["email"] == "hcp@example.org"
    assert data["impact_updates_consent"] is True
    assert data["consent_wording"] == CONSENT
    assert before <= datetime.fromisoformat(data["consent_given_at"]) <= datetime.now().astimezone()
    assert f"Consent wording shown: {CONSENT}" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_consent_is_recorded_in_the_words_the_reader_saw(hcp_client, support_page):
    # No Spanish tree yet: /es/ readers are served the default tree with Spanish labels.
    response = hcp_client.post(
        "/es/support/", {"email": "hcp@example.org", "impact_updates_consent": "on"}
    )

    assert response.status_code == 200
    data = FormSubmission.objects.get(page=support_page).form_data
    assert data["consent_wording"] == (
        "Acepto recibir por correo electrónico novedades sobre el impacto de las contribuciones"
    )
    assert "Consent wording shown: Acepto recibir" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"email": "hcp@example.org"},
            "Tick this box to agree to receive impact updates by email, or leave the email "
            "address empty.",
        ),
        ({"impact_updates_consent": "on"}, "Enter the email address for the impact updates."),
        (
            {"email": "not an address", "impact_updates_consent": "on"},
            "Enter a valid email address.",
        ),
        (
            {},
            "Tell us you are interested in contributing, suggest some content, or sign up for "
            "impact updates.",
        ),
        (
            {"content_suggestion": "x" * 2001},
            "Ensure this value has at most 2000 characters (it has 2001).",
        ),
        ({"content_suggestion": "Null\x00byte"}, "Null characters are not allowed."),
    ],
    ids=["email-without-consent", "consent-without-email", "bad-email", "empty", "too-long", "nul"],
)
@pytest.mark.django_db
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(
    hcp_client, support_page, data, message
):
    response = hcp_client.post(support_page.url, data)

    assert response.status_code == 400
    assert errors(response) == [message]
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_refused_form_keeps_what_the_reader_typed(hcp_client, support_page):
    response = hcp_client.post(
        support_page.url, {"content_suggestion": "Keep me", "email": "hcp@example.org"}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("textarea").get_text().strip() == "Keep me"
    assert soup.select_one("input[name=email]")["value"] == "hcp@example.org"
    consent = soup.select_one("input[name=impact_updates_consent]")
    assert consent["aria-invalid"] == "true"
    assert consent["aria-describedby"] == "id_impact_updates_consent_error"


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_submission(hcp_client, support_page, settings, caplog):
    # Nothing listens on the discard port: a real connection failure, not a stand-in.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9

    response = hcp_client.post(support_page.url, {"content_suggestion": "Still stored"})

    assert response.status_code == 200
    assert FormSubmission.objects.get(page=support_page).form_data["content_suggestion"] == (
        "Still stored"
    )
    assert "Could not email support form submission" in caplog.text


@pytest.mark.django_db
def test_submissions_are_listed_and_exported_in_the_admin(hcp_client, admin_client, support_page):
    hcp_client.post(
        support_page.url,
        {
            "interested_in_contributing": "on",
            "content_suggestion": "Blinatumomab in frontline therapy",
            "email": "hcp@example.org",
            "impact_updates_consent": "on",
        },
    )

    listing = admin_client.get(f"/admin/forms/submissions/{support_page.pk}/")
    export = admin_client.get(f"/admin/forms/submissions/{support_page.pk}/?export=csv")

    assert "Blinatumomab in frontline therapy" in listing.text
    assert "Consent wording shown" in listing.text
    rows = rows_of_csv(export)
    assert rows[0] == [
        "Submission date",
        "Interested in contributing",
        "Content suggestion",
        "Email address",
        "Consented to impact updates",
        "Consent given at",
        "Consent wording shown",
    ]
    assert rows[1][1:4] == ["True", "Blinatumomab in frontline therapy", "hcp@example.org"]
    assert rows[1][6] == CONSENT


@pytest.mark.django_db
def test_no_notification_without_a_to_address(hcp_client, support_page):
    support_page.to_address = ""
    publish_certified(support_page.save_revision())

    hcp_client.post(support_page.url, {"interested_in_contributing": "on"})

    assert FormSubmission.objects.count() == 1
    assert mail.outbox == []
