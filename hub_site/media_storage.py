"""Uploaded media on S3-compatible object storage: images public, documents private.

With ``MEDIA_STORAGE=s3`` (settings/base.py), ``STORAGES["default"]`` is ``MediaStorage``:
every app server reads and writes the same buckets, so an image, a rendition or a document
uploaded through one is there for all (docs/deploy.md, "Many machines").

Two buckets, because readers reach the two kinds of file in different ways:

- images and their renditions are linked straight from pages, to the media bucket, which
  anyone may read (as nginx serves ``/media/`` images without the HCP gate on one machine);
- documents are for confirmed HCPs only: they go to a private bucket, and readers get them
  through Wagtail's document view behind the gate (``WAGTAILDOCS_SERVE_METHOD =
  "serve_view"``), which streams the object; no reader ever gets a link to the bucket.

Object keys are the file names Wagtail stores (``original_images/…``, ``images/…``,
``documents/…``), the same paths as under ``MEDIA_ROOT``: moving from local disk to the
buckets is a copy of the tree.
"""

from urllib.parse import urlsplit

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import Storage

# Wagtail's document upload_to (wagtail.documents.models.AbstractDocument.file), the same
# folder hub_site/gate/access.py keeps behind the gate on local disk.
DOCUMENTS_FOLDER = "documents"


def is_document(name):
    """Whether ``name`` is a document's file (or their folder), once normalised as S3 keys are.

    Normalised first so that a name such as ``images/../documents/x.pdf`` is routed to the
    bucket its key actually names.
    """
    key = clean_name(name)
    return key == DOCUMENTS_FOLDER or key.startswith(DOCUMENTS_FOLDER + "/")


class MediaStorage(Storage):
    """Django's default storage over two S3 buckets: documents private, everything else public.

    ``media`` and ``documents`` are the keyword arguments of the two ``S3Storage`` instances
    (``s3_media_storage`` below builds them from the environment).
    """

    def __init__(self, *, media, documents):
        self.media = S3Storage(**media)
        self.documents = S3Storage(**documents)

    def storage_for(self, name):
        return self.documents if is_document(name) else self.media

    # Storage.open() and save() call these two; the rest of Storage's API is routed one by
    # one, as its defaults would raise NotImplementedError (path() still does: there is no
    # local file, and Wagtail's document view then streams the object).
    def _open(self, name, mode="rb"):
        return self.storage_for(name).open(name, mode)

    def _save(self, name, content):
        # save() returns the name the bucket's storage really used, should another app
        # server have taken this one since it was found available.
        return self.storage_for(name).save(name, content)

    def delete(self, name):
        self.storage_for(name).delete(name)

    def exists(self, name):
        return self.storage_for(name).exists(name)

    def size(self, name):
        return self.storage_for(name).size(name)

    def url(self, name):
        return self.storage_for(name).url(name)

    def get_modified_time(self, name):
        return self.storage_for(name).get_modified_time(name)

    def listdir(self, path):
        if clean_name(path):
            return self.storage_for(path).listdir(path)
        # The root holds the media bucket's folders and the documents folder.
        directories, files = self.media.listdir("")
        if any(self.documents.listdir(DOCUMENTS_FOLDER)):
            directories = [*directories, DOCUMENTS_FOLDER]
        return directories, files


def s3_media_storage(
    *,
    endpoint_url,
    region,
    access_key_id,
    secret_access_key,
    media_bucket,
    documents_bucket,
    media_url="",
    addressing_style="",
):
    """The ``STORAGES["default"]`` entry for ``MediaStorage`` (settings/base.py).

    Empty strings mean "not set": boto3 then looks for credentials where it always does
    (its environment variables, an instance role).
    """
    if not media_bucket or not documents_bucket:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs S3_MEDIA_BUCKET and S3_DOCUMENTS_BUCKET."
        )
    if media_bucket == documents_bucket:
        # The media bucket is readable by anyone: documents would be too.
        raise ImproperlyConfigured("S3_DOCUMENTS_BUCKET must not be the media bucket.")
    common = {
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "access_key": access_key_id or None,
        "secret_key": secret_access_key or None,
        "addressing_style": addressing_style or None,
        # boto3 may still sign URLs with Signature Version 2, which AWS regions opened since
        # 2014 refuse; every S3-compatible server takes version 4.
        "signature_version": "s3v4",
        # Two uploads with one file name are two files, as on local disk (django-storages
        # would otherwise overwrite the first, e.g. two logos both called logo.png).
        "file_overwrite": False,
        # No per-object ACL: who may read a bucket is its own policy (public-read for
        # media), and buckets that enforce object ownership refuse uploads carrying one.
        "default_acl": None,
    }
    media = {
        **common,
        "bucket_name": media_bucket,
        # Image URLs go into pages kept by the edge and the page cache: unsigned, they
        # never expire.
        "querystring_auth": False,
    }
    if media_url:
        parts = urlsplit(media_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(
                "S3_MEDIA_URL must be an http(s) URL, e.g. https://media.hub.example"
            )
        media["url_protocol"] = f"{parts.scheme}:"
        media["custom_domain"] = parts.netloc + parts.path.rstrip("/")
    documents = {
        **common,
        "bucket_name": documents_bucket,
        # Readers are streamed documents by the gated view and never see a URL of the
        # bucket; a signed one, should any leak, is short-lived.
        "querystring_auth": True,
        "querystring_expire": 300,
    }
    return {
        "BACKEND": "hub_site.media_storage.MediaStorage",
        "OPTIONS": {"media": media, "documents": documents},
    }


def media_origins(options):
    """The origins images are served from with these media-bucket ``options``, for the
    Content-Security-Policy's img-src (pages only allow images of their own origin)."""
    if options.get("custom_domain"):
        return [f"{options['url_protocol']}//{options['custom_domain'].split('/')[0]}"]
    bucket = options["bucket_name"]
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        # Path-style URLs name the endpoint; virtual-hosted ones a subdomain of it.
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = options.get("region_name") or "us-east-1"
    return [f"https://{bucket}.s3.amazonaws.com", f"https://{bucket}.s3.{region}.amazonaws.com"]
