"""Two app servers that share no disk, as on two machines: each with media and static
folders of its own, sharing only PostgreSQL, Redis and an S3 server (SeaweedFS), behind
nginx, with the task queue's worker. What one stores, the other serves."""

import re
import time
import urllib.request

import pytest

from deploy.stack import Stack, free_port
from tests.production.conftest import (
    REDIS_URL,
    SECRET_KEY,
    WORKER,
    confirmation_cookie,
    fetch,
    renewed,
    unavailable,
)
from tests.support.migrated_template import copy_postgres_if_missing
from tests.support.seaweedfs import seaweedfs  # noqa: F401 - fixture

DATABASE = f"hub_shared_nothing_tests{WORKER}"
INDEX = "/en/articles/"

ON_MACHINE_A = """
import io, json, time
from PIL import Image as PillowImage
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from articles.models import ArticleIndexPage
from tests.articles.factories import create_article
stamp = time.time_ns()
buffer = io.BytesIO()
PillowImage.new("RGB", (1600, 900), "#0b5563").save(buffer, format="PNG")
image = get_image_model()(title=f"Uploaded on A {stamp}")
image.file = ImageFile(buffer, name=f"on-a-{stamp}.png")
image.save()
document = get_document_model()(title=f"Protocol {stamp}")
document.file.save(f"protocol-{stamp}.txt", ContentFile(b"The protocol, stored on A."))
index = ArticleIndexPage.objects.get(locale__language_code="en")
article = create_article(index, title=f"Published on A {stamp}", featured_image=image)
print(json.dumps({"article": article.url, "document": document.url, "title": article.title}))
"""


@pytest.fixture(scope="module")
def machines(tmp_path_factory, seaweedfs):  # noqa: F811
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    for bucket in (seaweedfs.media_bucket, seaweedfs.documents_bucket):
        seaweedfs.empty(bucket)
    run = tmp_path_factory.mktemp("shared-nothing")
    ports = [free_port(), free_port()]
    disks = {
        port: {
            "MEDIA_ROOT": str(run / f"machine-{port}" / "media"),
            "STATIC_ROOT": str(run / f"machine-{port}" / "static"),
        }
        for port in ports
    }
    stack = Stack(
        run_dir=run / "edge",
        database=DATABASE,
        port=free_port(),
        app_ports=ports,
        workers=1,
        redis_url=REDIS_URL,
        secret_key=SECRET_KEY,
        extra_env=seaweedfs.environment(),
        app_env=disks,
    )
    copy_postgres_if_missing(DATABASE)
    stack.prepare(quiet=True)
    for disk in disks.values():  # each machine collects its release's static files
        stack.manage("collectstatic", "--no-input", quiet=True, env=disk)
    stack.start()
    yield stack, disks, seaweedfs
    stack.stop()


def files_under(folder):
    from pathlib import Path

    root = Path(folder)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_what_one_app_server_stores_the_other_serves(machines):
    stack, disks, s3 = machines
    a, b = stack.app_ports
    cookie = confirmation_cookie()
    # The index, kept at the edge before the publication.
    _, headers, _ = fetch(stack.base_url + INDEX, cookie)
    cookie = renewed(cookie, headers)
    fetch(stack.base_url + INDEX, cookie)
    assert fetch(stack.base_url + INDEX, cookie)[1]["X-Edge-Cache"] == "HIT"

    # On machine A: an image, a document and an article published with the image; the
    # worker makes the renditions and purges the edge.
    import json

    stored = json.loads(stack.shell(ON_MACHINE_A, env=disks[a]))
    renditions = s3.keys(s3.media_bucket, "images/")
    assert renditions, "the worker made the article's renditions in the bucket"

    # Through app server B: the article, with its hero image from the bucket.
    status, _, page = fetch(f"http://127.0.0.1:{b}{stored['article']}", cookie)
    assert status == 200 and stored["title"] in page
    hero = re.search(r'<img[^>]+src="([^"]+)"', page.split('class="article-hero', 1)[-1]).group(1)
    assert hero.startswith(s3.endpoint_url + "/" + s3.media_bucket + "/images/")
    with urllib.request.urlopen(hero, timeout=10) as image:  # loopback S3
        assert image.status == 200 and image.read(3) == b"\xff\xd8\xff"  # the JPEG <img>
    assert s3.keys(s3.media_bucket, "images/") == renditions, "B made none anew"

    # Through app server B: the document, for a confirmed reader only.
    status, _, body = fetch(f"http://127.0.0.1:{b}{stored['document']}", cookie)
    assert (status, body) == (200, "The protocol, stored on A.")
    assert fetch(f"http://127.0.0.1:{b}{stored['document']}")[0] == 303
    assert len(s3.keys(s3.documents_bucket, "documents/")) == 1

    # The edge: the worker purged the index, which now lists the article.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status, headers, index = fetch(stack.base_url + INDEX, cookie)
        if stored["title"] in index:
            break
        time.sleep(0.2)
    assert stored["title"] in index and headers["X-Edge-Cache"] in ("MISS", "EXPIRED")
    purged = (stack.run_dir / "purges.log").read_text()
    assert INDEX in purged

    # Nothing of it on either machine's disk.
    assert files_under(disks[a]["MEDIA_ROOT"]) == files_under(disks[b]["MEDIA_ROOT"]) == []
