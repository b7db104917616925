"""Media on a real S3-compatible server (SeaweedFS, tests/storage/conftest.py).

Images and renditions in the bucket anyone may read, documents in the private one and
streamed behind the HCP gate, a rendition made once for every app server, and nothing
written under MEDIA_ROOT.
"""

import urllib.error
import urllib.request
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image as PillowImage

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage, storages

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.caches import empty_caches
from tests.gate.helpers import gate_location

pytestmark = pytest.mark.django_db

RENDITION_SPEC = "fill-32x24|format-png"
DOCUMENT_BYTES = b"Dose,Weight\n1 mg/kg,70 kg\n"


def fetch(url):
    """GET ``url`` as a reader's browser would: no credentials, no signature."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def png(size=(64, 48)):
    buffer = BytesIO()
    PillowImage.new("RGB", size, (0, 110, 120)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(title="Storage test"):
    image = get_image_model()(title=title)
    image.file = ImageFile(BytesIO(png()), name="storage-test.png")
    image.save()
    return image


def upload_document():
    document = get_document_model()(title="Dosing table")
    document.file.save("dosing-table.csv", ContentFile(DOCUMENT_BYTES), save=False)
    document.save()
    return document


def assert_no_local_media():
    assert not Path(django_settings.MEDIA_ROOT).exists()


def test_an_image_and_its_rendition_are_in_the_media_bucket_open_to_anyone(s3_media):
    image = upload_image()

    assert image.file.name.startswith("original_images/")
    assert s3_media.keys(s3_media.media_bucket) == [image.file.name]
    assert fetch(image.file.url) == (200, png())

    rendition = image.get_rendition(RENDITION_SPEC)

    assert rendition.file.name.startswith("images/")
    assert s3_media.keys(s3_media.media_bucket, "images/") == [rendition.file.name]
    assert s3_media.keys(s3_media.documents_bucket) == []
    # A plain, unsigned URL of the bucket: pages kept by the caches can hold it for good.
    assert rendition.url == f"{s3_media.endpoint_url}/{s3_media.media_bucket}/{rendition.file.name}"
    status, body = fetch(rendition.url)
    assert status == 200
    stored = s3_media.client.get_object(Bucket=s3_media.media_bucket, Key=rendition.file.name)
    assert body == stored["Body"].read()
    with PillowImage.open(BytesIO(body)) as picture:
        assert (picture.format, picture.size) == ("PNG", (32, 24))
    assert_no_local_media()


def test_another_app_server_finds_the_rendition_and_makes_no_file(s3_media, settings):
    image = upload_image()
    made = image.get_rendition(RENDITION_SPEC)
    files = s3_media.keys(s3_media.media_bucket, "images/")
    rendition_model = get_image_model().get_rendition_model()
    rows = rendition_model.objects.count()
    first_servers_storage = storages["default"]

    # Another app server shares only the database and the buckets: its own storage
    # objects, an empty cache, the image loaded afresh.
    settings.STORAGES = {**settings.STORAGES}
    empty_caches()
    assert storages["default"] is not first_servers_storage
    found = get_image_model().objects.get(pk=image.pk).get_rendition(RENDITION_SPEC)

    assert (found.pk, found.file.name) == (made.pk, made.file.name)
    assert s3_media.keys(s3_media.media_bucket, "images/") == files
    assert rendition_model.objects.count() == rows
    assert fetch(found.url)[0] == 200
    assert_no_local_media()


def test_a_document_is_private_and_streamed_to_confirmed_readers_only(s3_media, client, hcp_client):
    document = upload_document()
    key = document.file.name

    assert key == "documents/dosing-table.csv"
    assert s3_media.keys(s3_media.documents_bucket) == [key]
    assert s3_media.keys(s3_media.media_bucket) == []
    # Nobody reads the object without the app's credentials.
    assert fetch(f"{s3_media.endpoint_url}/{s3_media.documents_bucket}/{key}")[0] == 403
    # The storage's own URL for it, which readers never see, is signed and short-lived.
    assert "X-Amz-Signature=" in document.file.url
    assert "X-Amz-Expires=300" in document.file.url
    assert fetch(document.file.url) == (200, DOCUMENT_BYTES)

    # Readers' link: Wagtail's document view, behind the gate, streaming the object.
    assert document.url == f"/documents/{document.pk}/dosing-table.csv"
    response = hcp_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == DOCUMENT_BYTES

    gated = client.get(document.url)
    assert gated.status_code == 303
    assert gated["Location"] == gate_location("en", document.url)
    assert_no_local_media()


def test_the_storage_routes_every_call_by_folder(s3_media):
    image_name = default_storage.save("original_images/routing.png", ContentFile(png()))
    document_name = default_storage.save("documents/routing.csv", ContentFile(DOCUMENT_BYTES))
    # One file name taken twice is two files, as on local disk.
    second_document = default_storage.save("documents/routing.csv", ContentFile(b"v2"))

    assert second_document != document_name
    assert s3_media.keys(s3_media.media_bucket) == [image_name]
    assert s3_media.keys(s3_media.documents_bucket) == sorted([document_name, second_document])
    assert default_storage.exists(document_name)
    assert default_storage.size(document_name) == len(DOCUMENT_BYTES)
    assert default_storage.size(image_name) == len(png())
    assert default_storage.get_modified_time(document_name).tzinfo is not None
    with default_storage.open(document_name) as opened:
        assert opened.read() == DOCUMENT_BYTES
    directories, files = default_storage.listdir("")
    # SeaweedFS may keep the folders of an earlier test's deleted files a while.
    assert {"documents", "original_images"} <= set(directories)
    assert files == []
    directories, files = default_storage.listdir("documents")
    assert (directories, sorted(files)) == (
        [],
        sorted(name.removeprefix("documents/") for name in (document_name, second_document)),
    )

    default_storage.delete(document_name)

    assert not default_storage.exists(document_name)
    assert s3_media.keys(s3_media.documents_bucket) == [second_document]
    assert_no_local_media()
