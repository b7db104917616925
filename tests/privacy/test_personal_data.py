"""Personal data requests: a site manager exports and erases what is held for one address."""

import json

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry, Page, Site

from home.models import SupportPage
from home.personal_data import ERASED_ACTION, address_hash
from hub_site.workflows import roles
from tests.publishing import publish_certified

INDEX = "/admin/personal-data/"
ERASE = "/admin/personal-data/erase/"
ADDRESS = "Reader.One@Example.org"
OTHER = "reader.two@example.org"
NOBODY = "nobody@example.org"


@pytest.fixture
def support_page(db):
    home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
    page = SupportPage(title="Support", slug="support")
    home.add_child(instance=page)
    publish_certified(page.save_revision())
    return page


def send_support_form(client, page, email, suggestion):
    response = client.post(
        page.url,
        {"content_suggestion": suggestion, "email": email, "impact_updates_consent": "on"},
    )
    assert response.status_code == 200, response.content


@pytest.fixture
def submissions(hcp_client, support_page):
    send_support_form(hcp_client, support_page, ADDRESS, "More on MRD.")
    send_support_form(hcp_client, support_page, ADDRESS.lower(), "CAR-T follow-up.")
    send_support_form(hcp_client, support_page, OTHER, "Leave me be.")
    AccessAttempt.objects.create(
        username=ADDRESS.lower(), user_agent="x", ip_address=None, http_accept="*/*",
        path_info="/admin/login/", failures_since_start=1,
    )  # fmt: skip
    return support_page


def staff(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@hub.example", "pass-1234-word", **extra
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def manager_client(client, db):
    client.force_login(staff("manager", roles.SITE_MANAGERS))
    return client


def held_for(address):
    return [
        s for s in FormSubmission.objects.all() if s.form_data["email"].lower() == address.lower()
    ]


@pytest.mark.django_db
def test_the_menu_shows_the_item_to_site_managers_only(client):
    client.force_login(staff("manager", roles.SITE_MANAGERS))
    assert "Personal data requests" in client.get("/admin/").text
    client.force_login(staff("editor", roles.EDITORS))
    assert "Personal data requests" not in client.get("/admin/").text


@pytest.mark.django_db
def test_a_site_manager_exports_everything_held_for_the_address(manager_client, submissions):
    response = manager_client.post(INDEX, {"email": ADDRESS, "action": "export"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    data = json.loads(response.content)
    assert data["email"] == ADDRESS.lower()
    suggestions = [s["answers"]["content_suggestion"] for s in data["support_form_submissions"]]
    assert suggestions == ["More on MRD.", "CAR-T follow-up."]
    consent = data["support_form_submissions"][0]["answers"]
    assert consent["consent_wording"].startswith("I agree to receive updates")
    assert consent["consent_given_at"]
    assert [a["user_name"] for a in data["staff_login_attempts"]] == [ADDRESS.lower()]
    assert OTHER not in response.text


@pytest.mark.django_db
def test_erasing_asks_to_confirm_then_removes_only_that_address(manager_client, submissions):
    review = manager_client.post(INDEX, {"email": ADDRESS, "action": "erase"})
    assert review.status_code == 200
    assert "2 support form submissions" in review.text
    assert "1 staff login record" in review.text
    assert len(held_for(ADDRESS)) == 2  # nothing erased before confirming

    unconfirmed = manager_client.post(ERASE, {"email": ADDRESS})
    assert unconfirmed.status_code == 400
    assert len(held_for(ADDRESS)) == 2

    response = manager_client.post(ERASE, {"email": ADDRESS, "confirm": "on"}, follow=True)

    assert response.status_code == 200
    assert "Erased 3 records held for the address." in response.text
    assert held_for(ADDRESS) == []
    assert not AccessAttempt.objects.filter(username__iexact=ADDRESS).exists()
    assert [s.form_data["content_suggestion"] for s in held_for(OTHER)] == ["Leave me be."]
    export = json.loads(manager_client.post(INDEX, {"email": ADDRESS, "action": "export"}).content)
    assert export["support_form_submissions"] == []


@pytest.mark.django_db
def test_the_erasure_is_in_the_audit_log_without_the_address(manager_client, submissions):
    manager_client.post(ERASE, {"email": ADDRESS, "confirm": "on"})

    entry = ModelLogEntry.objects.get(action=ERASED_ACTION)
    assert entry.user.username == "manager"
    assert entry.data["erased"]["form_submissions"] == 2
    assert entry.data["address_hash"] == address_hash(ADDRESS.lower())
    stored = json.dumps(entry.data) + entry.label + entry.object_id
    assert "example.org" not in stored.lower()
    history = manager_client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert "Personal data erased" in history.text
    assert "example.org" not in history.text.lower()


@pytest.mark.django_db
def test_erasing_an_unknown_address_says_so_and_changes_nothing(manager_client, submissions):
    before = FormSubmission.objects.count()
    review = manager_client.post(INDEX, {"email": NOBODY, "action": "erase"})
    erase = manager_client.post(ERASE, {"email": NOBODY, "confirm": "on"}, follow=True)

    for response in (review, erase):
        assert "Nothing that can be erased is held for this address" in response.text
    assert FormSubmission.objects.count() == before
    assert not ModelLogEntry.objects.filter(action=ERASED_ACTION).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["not-an-address", "", "a@b@c.org"])
def test_a_bad_address_gets_a_form_error(manager_client, submissions, email):
    response = manager_client.post(INDEX, {"email": email, "action": "export"})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_email")
    assert soup.select(".error-message, .w-field__errors")
    assert not response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [roles.EDITORS, roles.MEDICAL_REVIEWERS, roles.COMPLIANCE_REVIEWERS, roles.TRANSLATORS]
)
def test_other_roles_are_refused(client, submissions, role):
    client.force_login(staff("someone", role))
    assert client.get(INDEX).status_code == 403
    assert client.post(INDEX, {"email": ADDRESS, "action": "export"}).status_code == 403
    assert client.post(ERASE, {"email": ADDRESS, "confirm": "on"}).status_code == 403
    assert len(held_for(ADDRESS)) == 2


@pytest.mark.django_db
def test_the_permission_is_one_check_superusers_have_it_too(client, submissions):
    client.force_login(staff("root", is_superuser=True, is_staff=True))
    assert client.get(INDEX).status_code == 200
    assert (
        Group.objects.get(name=roles.SITE_MANAGERS)
        .permissions.filter(codename="manage_personal_data")
        .exists()
    )
