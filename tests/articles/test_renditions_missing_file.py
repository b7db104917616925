"""Renditions made ahead of readers skip an image whose file is gone, instead of failing."""

import pytest

from articles.renditions import CARD, generate_renditions
from tests.articles.factories import create_image

pytestmark = pytest.mark.django_db


def test_an_image_without_its_file_is_skipped(caplog):
    image = create_image()
    image.file.storage.delete(image.file.name)

    generate_renditions(image, [CARD])

    assert image.renditions.count() == 0
    assert "has no file" in caplog.text
