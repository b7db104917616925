"""One migrated database per set of migrations, copied wherever the suite needs a migrated one.

Migrating an empty database costs about 20 seconds, nearly all of it Django rendering the
states of Wagtail's migrations; copying a migrated one costs under a second. So each test
process's test database, the production stacks' databases and the backup test's source
database start as a copy of one template, migrated once and kept between runs under a name
that carries a digest of every installed app's migration files: a changed, added or removed
migration (a Wagtail upgrade too) makes a new template, and the old ones are removed.

Whatever starts from a copy still runs ``migrate`` itself (Django's test set-up does, as do
``Stack.prepare`` and the backup test), which finds nothing left to apply.
"""

import contextlib
import fcntl
import functools
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

PROJECT_DIR = Path(__file__).resolve().parents[2]
LOCKS = PROJECT_DIR / "run" / "locks"
SERVER = "postgres://postgres@127.0.0.1:5432"
PREFIX = "hub_migrated_"


@functools.cache
def migrations_digest():
    sha = hashlib.sha256()
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        for path in sorted((Path(app.path) / "migrations").glob("*.py")):
            sha.update(f"{app.label}/{path.name}\n".encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()[:12]


@contextlib.contextmanager
def only_one_process(name):
    """Held by one process at a time: pytest-xdist's test processes make the same template."""
    LOCKS.mkdir(parents=True, exist_ok=True)
    with open(LOCKS / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def migrate(database_url):
    """``manage.py migrate`` on ``database_url``, in a process of its own (this one's
    database connections stay on the test database)."""
    env = {
        **os.environ,
        # This process's settings (the tests' own, or those without the caching layer).
        "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "--run-syncdb"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def postgres(sql, params=()):
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def postgres_template():
    """The name of the PostgreSQL database migrated to today's migrations, made if missing."""
    import psycopg

    name = PREFIX + migrations_digest()
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        # One maker at a time among every process and checkout using this server; the lock
        # goes with the connection.
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", [PREFIX])
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return name
        building = f"{name}_building"
        conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{building}"')
        migrate(f"{SERVER}/{building}")
        # Under its name only once it is whole: an interrupted run leaves no template.
        conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        stale = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [PREFIX + "%", name],
        ).fetchall()
        for (old,) in stale:
            # Not forced: a copy being made of it finishes first, and one in use is left.
            with contextlib.suppress(psycopg.errors.ObjectInUse):
                conn.execute(f'DROP DATABASE IF EXISTS "{old}"')
    return name


def copy_postgres(database):
    """Make ``database`` a copy of the migrated template (it must not exist)."""
    postgres(f'CREATE DATABASE "{database}" TEMPLATE "{postgres_template()}"')


def copy_postgres_if_missing(database):
    if not postgres("SELECT 1 FROM pg_database WHERE datname = %s", [database]):
        copy_postgres(database)


def sqlite_template():
    """The path of the SQLite file migrated to today's migrations, made if missing."""
    folder = PROJECT_DIR / "test-artifacts"
    path = folder / f"migrated-{migrations_digest()}.sqlite3"
    with only_one_process(path.stem):
        if not path.exists():
            building = path.with_suffix(".building")
            building.unlink(missing_ok=True)
            migrate(f"sqlite:///{building}")
            building.rename(path)
            for old in folder.glob("migrated-*.sqlite3"):
                if old != path:
                    old.unlink(missing_ok=True)
    return path


def copy_sqlite(target):
    shutil.copyfile(sqlite_template(), target)


def start_from_template(connection):
    """Have Django's test set-up (``setup_databases``) start ``connection``'s test database
    from the template; whether to keep what is then there (its ``keepdb``)."""
    test = connection.settings_dict["TEST"]
    if connection.vendor == "postgresql":
        test["TEMPLATE"] = postgres_template()
        return False
    name = test.get("NAME")
    if connection.vendor == "sqlite" and name and not connection.creation.is_in_memory_db(name):
        copy_sqlite(name)
        return True
    return False
