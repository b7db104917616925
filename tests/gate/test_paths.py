"""Which URLs are gated and which are open, asked as a first-time reader would."""

from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.documents.models import Document
from wagtail.test.utils.form_data import nested_form_data, rich_text

from tests.gate.helpers import gate_location
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db


def assert_gated(response, language, asked_for):
    assert response.status_code == 303
    assert response["Location"] == gate_location(language, asked_for)


def test_an_unconfirmed_reader_asking_for_a_page_is_sent_to_the_gate(client, gated_page):
    assert_gated(client.get("/en/about/?page=2&sort=date"), "en", "/en/about/?page=2&sort=date")


def test_the_home_page_is_gated(client):
    assert_gated(client.get("/en/"), "en", "/en/")


def test_a_post_to_a_gated_page_is_sent_to_the_gate_too(client, gated_page):
    assert_gated(client.post("/en/about/", {"answer": "4"}), "en", "/en/about/")


def test_a_confirmed_reader_gets_the_page(hcp_client, gated_page):
    response = hcp_client.get("/en/about/")

    assert response.status_code == 200
    assert response.context["page"].pk == gated_page.pk


def test_a_page_open_to_the_public_is_served_but_its_gated_sibling_is_not(
    client, public_page, gated_page
):
    response = client.get("/en/privacy/")

    assert response.status_code == 200
    assert response.context["page"].pk == public_page.pk
    assert_gated(client.get("/en/about/"), "en", "/en/about/")


def test_a_page_stops_being_open_when_the_editor_unticks_open_to_the_public(client, public_page):
    public_page.open_to_public = False
    publish_certified(public_page.save_revision())

    assert_gated(client.get("/en/privacy/"), "en", "/en/privacy/")


def test_a_url_with_no_page_behind_it_is_a_404_not_the_gate(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/healthz", 200),
        ("/robots.txt", 200),
        ("/en/hcp-confirm/", 200),
        ("/es/hcp-confirm/?next=/es/", 200),
        ("/admin/login/", 200),
        ("/admin/", 302),  # the CMS's own sign-in, not the gate
    ],
)
def test_open_urls_answer_without_a_confirmation(client, url, status):
    response = client.get(url)

    assert response.status_code == status
    assert "hcp-confirm" not in response.get("Location", "")


def test_the_language_switch_is_open(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/es/"})

    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"


def test_a_signed_in_cms_user_is_treated_as_confirmed(client, gated_page):
    editor = User.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get("/en/about/").status_code == 200


def test_a_signed_in_user_without_cms_access_is_not(client, gated_page):
    client.force_login(User.objects.create_user("reader", password="pw"))

    assert_gated(client.get("/en/about/"), "en", "/en/about/")


def test_an_editor_previews_a_gated_page_in_the_cms(client, gated_page):
    client.force_login(User.objects.create_superuser("admin", password="pw"))
    preview_url = f"/admin/pages/{gated_page.pk}/edit/preview/"
    form = nested_form_data(
        {
            "title": "About us (draft)",
            "slug": "about",
            "intro": "",
            "body": rich_text("<p>Draft body</p>"),
            "comments": nested_form_data({}),
        }
    )

    assert client.post(preview_url, form).json()["is_valid"] is True
    response = client.get(preview_url)

    assert response.status_code == 200
    assert "About us (draft)" in response.text


@pytest.fixture
def document():
    document = Document(title="Slides")
    document.file.save("slides.txt", ContentFile(b"HCP-only slides"), save=False)
    document.save()
    yield document
    document.file.delete(save=False)


def test_documents_served_by_wagtail_are_gated(client, document):
    url = document.url

    assert url.startswith("/documents/")
    assert_gated(client.get(url), "en", url)


def test_documents_are_served_to_a_confirmed_reader(hcp_client, document):
    response = hcp_client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"HCP-only slides"


@override_settings(ROOT_URLCONF="tests.gate.urls_serving_files")
def test_static_files_are_open(client):
    response = client.get("/static/css/site.css")

    assert response.status_code == 200


@override_settings(ROOT_URLCONF="tests.gate.urls_serving_files")
def test_images_under_media_are_open_but_document_files_are_not(client, document):
    image = Path(settings.MEDIA_ROOT) / "original_images" / "gate-test.gif"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"GIF89a")
    try:
        image_response = client.get("/media/original_images/gate-test.gif")
        document_response = client.get(f"/media/{document.file.name}")
    finally:
        image.unlink()

    assert image_response.status_code == 200
    assert_gated(document_response, "en", f"/media/{document.file.name}")
