"""Media on the real S3 server of tests/support/seaweedfs.py."""

import pytest

from tests.support.seaweedfs import seaweedfs  # noqa: F401 - fixture


@pytest.fixture
def s3_media(seaweedfs, settings, tmp_path):  # noqa: F811
    """Media on the SeaweedFS buckets, emptied first, with MEDIA_ROOT a folder nothing made."""
    for bucket in (seaweedfs.media_bucket, seaweedfs.documents_bucket):
        seaweedfs.empty(bucket)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {**settings.STORAGES, "default": seaweedfs.storage_setting()}
    return seaweedfs
