"""MEDIA_STORAGE and the S3 variables, read by settings/base.py (no server needed)."""

import runpy

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages

from hub_site.media_storage import is_document
from settings.base import BASE_DIR

VARIABLES = {
    "MEDIA_STORAGE": "s3",
    "S3_ENDPOINT_URL": "https://s3.example.net",
    "S3_REGION": "eu-west-3",
    "S3_ACCESS_KEY_ID": "hub-app",
    "S3_SECRET_ACCESS_KEY": "not-a-real-secret",
    "S3_ADDRESSING_STYLE": "path",
    "S3_MEDIA_BUCKET": "hub-media",
    "S3_MEDIA_URL": "https://media.hub.example/",
    "S3_DOCUMENTS_BUCKET": "hub-documents",
}


@pytest.fixture
def environment(monkeypatch):
    """The process environment with none of the media variables set."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def base_settings(**variables):
    """settings/base.py's names, read afresh under these environment variables."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in variables.items():
            patch.setenv(name, value)
        return runpy.run_path(str(BASE_DIR / "settings" / "base.py"))


def test_local_disk_stays_the_default(environment):
    read = base_settings()

    assert read["MEDIA_STORAGE"] == "local"
    assert read["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_s3_is_configured_from_the_environment(environment):
    read = base_settings(**VARIABLES)

    default = read["STORAGES"]["default"]
    assert default["BACKEND"] == "hub_site.media_storage.MediaStorage"
    media, documents = default["OPTIONS"]["media"], default["OPTIONS"]["documents"]
    for options in (media, documents):
        assert options["endpoint_url"] == "https://s3.example.net"
        assert options["region_name"] == "eu-west-3"
        assert (options["access_key"], options["secret_key"]) == ("hub-app", "not-a-real-secret")
        assert options["addressing_style"] == "path"
        assert options["signature_version"] == "s3v4"
        assert options["file_overwrite"] is False
        assert options["default_acl"] is None
    assert (media["bucket_name"], media["querystring_auth"]) == ("hub-media", False)
    assert (documents["bucket_name"], documents["querystring_auth"]) == ("hub-documents", True)
    # Documents stay behind Wagtail's gated view, which streams them.
    assert read["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"

    storage = storages.create_storage(default)
    assert storage.url("images/logo.max-240x120.png") == (
        "https://media.hub.example/images/logo.max-240x120.png"
    )
    assert storage.storage_for("documents/slides.pdf") is storage.documents
    assert storage.storage_for("original_images/logo.png") is storage.media


def test_unset_keys_leave_credentials_to_boto3(environment):
    variables = {**VARIABLES, "S3_ACCESS_KEY_ID": "", "S3_SECRET_ACCESS_KEY": ""}
    del variables["S3_MEDIA_URL"]

    options = base_settings(**variables)["STORAGES"]["default"]["OPTIONS"]

    assert options["media"]["access_key"] is options["media"]["secret_key"] is None
    assert "custom_domain" not in options["media"]


@pytest.mark.parametrize(
    "change",
    [
        {"MEDIA_STORAGE": "disk"},
        {"S3_DOCUMENTS_BUCKET": ""},
        {"S3_MEDIA_BUCKET": ""},
        # One bucket would make documents as public as images.
        {"S3_DOCUMENTS_BUCKET": "hub-media"},
        {"S3_MEDIA_URL": "media.hub.example"},
    ],
)
def test_a_wrong_configuration_is_refused(environment, change):
    with pytest.raises(ImproperlyConfigured):
        base_settings(**{**VARIABLES, **change})


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("documents/slides.pdf", True),
        ("documents", True),
        ("./documents/slides.pdf", True),
        ("images/../documents/slides.pdf", True),
        ("documents-archive/slides.pdf", False),
        ("original_images/documents/scan.png", False),
        ("images/scan.fill-32x24.png", False),
    ],
)
def test_documents_are_recognised_by_their_key(name, document):
    assert is_document(name) is document


def test_pages_may_show_images_from_the_media_bucket(environment):
    read = base_settings(**VARIABLES)
    without_custom_url = base_settings(**{**VARIABLES, "S3_MEDIA_URL": ""})
    on_aws = base_settings(**{**VARIABLES, "S3_MEDIA_URL": "", "S3_ENDPOINT_URL": ""})

    for policy in ("CONTENT_SECURITY_POLICY", "ADMIN_CONTENT_SECURITY_POLICY"):
        assert "https://media.hub.example" in read[policy]["DIRECTIVES"]["img-src"]
        assert "https://s3.example.net" in without_custom_url[policy]["DIRECTIVES"]["img-src"]
        assert (
            "https://hub-media.s3.eu-west-3.amazonaws.com"
            in (on_aws[policy]["DIRECTIVES"]["img-src"])
        )
    assert base_settings()["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
    ]
