"""Backups restore: the commands of docs/operations.md ("Backups"), run for real.

A migrated database (a copy of the suite's migrated template) is given the demo content,
dumped with ``pg_dump`` and restored with ``pg_restore`` into a fresh database; the seed
article is found there and every migration is recorded. The media folder is archived and
unpacked the same way and the restored database's images are found in it. Needs
PostgreSQL on 127.0.0.1:5432.
"""

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from deploy.stack import answers
from hub_site.demo.articles import SEED_ARTICLE_SLUG
from tests.support.migrated_template import SERVER, copy_postgres

PROJECT_DIR = Path(__file__).resolve().parents[2]
SOURCE, RESTORED = "hub_ops_src", "hub_ops_restore"
TOOLS = ("pg_dump", "pg_restore", "createdb", "dropdb")
SET_UP = (
    "from django.core.management import call_command; "
    "call_command('migrate', interactive=False, verbosity=0); call_command('load_demo')"
)
APPLIED = "SELECT app, name FROM django_migrations ORDER BY app, name"


def unavailable():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        return f"PostgreSQL client tools missing: {', '.join(missing)}"
    if not answers("127.0.0.1", 5432):
        return "PostgreSQL does not answer on 127.0.0.1:5432"
    return None


pytestmark = [
    pytest.mark.skipif(unavailable() is not None, reason=str(unavailable())),
    # Dumps and restores databases of its own, whichever database the suite's leg uses.
    pytest.mark.own_postgres,
]


def run(*command, **env):
    subprocess.run(  # fixed commands on loopback
        command,
        check=True,
        cwd=PROJECT_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=240,
    )


def manage(database, media_root, *command):
    run(
        sys.executable,
        "manage.py",
        *command,
        DJANGO_SETTINGS_MODULE="settings.production",
        DATABASE_URL=f"{SERVER}/{database}",
        MEDIA_ROOT=str(media_root),
        SECRET_KEY="backup-restore-test-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        REDIS_URL="",
    )


def drop(*databases):
    for name in databases:
        run("dropdb", "--if-exists", "--force", "-h", "127.0.0.1", "-U", "postgres", name)


@pytest.fixture
def databases():
    drop(SOURCE, RESTORED)
    # Migrated already: SET_UP's migrate finds nothing to do (tests/support/migrated_template.py).
    copy_postgres(SOURCE)
    yield
    drop(SOURCE, RESTORED)


def query(database, sql, params=()):
    import psycopg

    with psycopg.connect(f"{SERVER}/{database}") as conn:
        return conn.execute(sql, params).fetchall()


def test_a_dump_restores_into_a_fresh_database_with_its_content_and_media(databases, tmp_path):
    media = tmp_path / "srv" / "media"
    # One process for both: Django starts once.
    manage(SOURCE, media, "shell", "-c", SET_UP)
    dump = tmp_path / "hub.dump"
    archive = tmp_path / "media.tar.gz"

    # docs/operations.md, "Backups": the nightly dump and media archive…
    run("pg_dump", "--format=custom", "--no-owner", f"--dbname={SERVER}/{SOURCE}", f"--file={dump}")
    run("tar", "-C", str(media.parent), "-czf", str(archive), "media")
    # … and the restore into a fresh database and media folder.
    run("createdb", "-h", "127.0.0.1", "-U", "postgres", RESTORED)
    run("pg_restore", "--no-owner", f"--dbname={SERVER}/{RESTORED}", str(dump))
    restored_media = tmp_path / "restored" / "media"
    restored_media.parent.mkdir()
    run("tar", "-C", str(restored_media.parent), "-xzf", str(archive))
    # What `manage.py migrate --check` (docs) looks at: every migration is recorded.
    assert query(RESTORED, APPLIED) == query(SOURCE, APPLIED)

    seed = query(
        RESTORED,
        "SELECT p.title, p.live, l.language_code FROM wagtailcore_page p "
        "JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE p.slug = %s",
        [SEED_ARTICLE_SLUG],
    )
    assert ("Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study", True, "en") in seed
    assert query(RESTORED, "SELECT count(*) FROM wagtailcore_page") == query(
        SOURCE, "SELECT count(*) FROM wagtailcore_page"
    )
    images = [row[0] for row in query(RESTORED, "SELECT file FROM wagtailimages_image")]
    assert images
    for name in images:
        assert (restored_media / name).is_file(), name
    with tarfile.open(archive) as tar:
        assert all(f"media/{name}" in tar.getnames() for name in images)
