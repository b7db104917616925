"""Uploads: raster formats only, size and pixel caps, documents served as downloads."""

from io import BytesIO

import pytest
from PIL import Image as PillowImage

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def png(size, mode="RGB"):
    buffer = BytesIO()
    PillowImage.new(mode, size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upload_image(admin_client, name, content, content_type="image/png"):
    return admin_client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


@pytest.mark.django_db
def test_a_small_png_is_accepted(admin_client):
    response = upload_image(admin_client, "ok.png", png((40, 20)))

    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db
def test_an_svg_with_script_is_refused(admin_client):
    response = upload_image(admin_client, "logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")

    assert response.status_code == 200  # the form again, with its error
    assert "Not a supported image format" in response.content.decode()
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_an_svg_renamed_png_is_refused(admin_client):
    response = upload_image(admin_client, "logo.png", SVG_WITH_SCRIPT)

    assert response.status_code == 200
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused(admin_client, settings):
    bomb = png((20_000, 20_000), mode="1")  # 400 megapixels in a few kilobytes
    assert len(bomb) < 200_000

    response = upload_image(admin_client, "bomb.png", bomb)

    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(admin_client, settings):
    header = png((10, 10))
    too_big = header + b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1 - len(header))

    response = upload_image(admin_client, "big.png", too_big)

    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert get_image_model().objects.count() == 0


def test_the_limits_are_set(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= PillowImage.MAX_IMAGE_PIXELS
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "disposition"),
    [("notes.txt", "attachment"), ("data.csv", "attachment"), ("paper.pdf", "inline")],
)
def test_documents_download_unless_pdf(hcp_client, db, name, disposition):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(b"%PDF-1.4\n<script>alert(1)</script>"), save=True)

    response = hcp_client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
