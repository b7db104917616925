"""The demo content, loaded once per test process and put back as rows for every later test
that asks for it.

``load_demo`` publishes about a hundred revisions through the review workflow, translates
the site with wagtail-localize and records the fictional readers' answers: 15 to 30 seconds
on this suite's machines. What it leaves in one process's test database is the same each
time, so the first load's rows (and the media files it wrote) are kept in memory, and each
later load writes them back: one DELETE and one batch of INSERTs per table the demo changes,
well under a second. The tests of ``load_demo`` itself (loading twice changes nothing, the
translations it publishes) still call the command.
"""

from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction


@dataclass(frozen=True)
class DemoRows:
    # {table: (columns, rows)} for each table load_demo changed.
    tables: dict
    # {path under MEDIA_ROOT: bytes} for each file load_demo wrote (images, renditions).
    media: dict


# One copy per database alias, for this process's test database only.
demo_rows_by_alias = {}


def load_demo_content(using="default"):
    """The demo content in the database, as ``load_demo`` leaves it."""
    rows = demo_rows_by_alias.get(using)
    if rows is None:
        demo_rows_by_alias[using] = load_and_keep(using)
    else:
        put_back(rows, using)


def load_and_keep(using):
    connection = connections[using]
    tables_before = read_tables(connection)
    media_before = media_files()
    call_command("load_demo", stdout=StringIO())
    return changed_rows(connection, tables_before, media_before)


def changed_rows(connection, tables_before, media_before):
    """The rows of each table that changed since ``tables_before``, and the files written
    under MEDIA_ROOT since ``media_before``."""
    tables_after = read_tables(connection)
    media_after = media_files()
    return DemoRows(
        tables={
            table: content
            for table, content in tables_after.items()
            if sorted_rows(content) != sorted_rows(tables_before.get(table, ((), [])))
        },
        media={
            path: Path(settings.MEDIA_ROOT, path).read_bytes()
            for path, stamp in media_after.items()
            if media_before.get(path) != stamp
        },
    )


def put_back(rows, using):
    connection = connections[using]
    quote = connection.ops.quote_name
    # Foreign keys are checked at commit (Django declares them deferrable), so the tables
    # can be emptied and filled in any order inside one transaction.
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for table in rows.tables:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - a table name
        for table, (columns, content) in rows.tables.items():
            if content:
                names = ", ".join(quote(column) for column in columns)
                values = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({values})",  # noqa: S608
                    content,
                )
        # As loaddata does: new rows get ids past the ones put back.
        models = [model for model in installed_models() if model._meta.db_table in rows.tables]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    for path, content in rows.media.items():
        target = Path(settings.MEDIA_ROOT, path)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def read_tables(connection):
    quote = connection.ops.quote_name
    tables = {}
    with connection.cursor() as cursor:
        for table in model_tables(connection):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - a table name
            tables[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return tables


def installed_models():
    return apps.get_models(include_auto_created=True)


def model_tables(connection):
    """The tables of the installed models, but for those the database fills itself."""
    existing = set(connection.introspection.table_names())
    models = set(installed_models()) - filled_by_triggers()
    return sorted({model._meta.db_table for model in models} & existing)


def filled_by_triggers():
    """On SQLite, Wagtail keeps its search entries' full-text index (a model of its own
    there only) with triggers on the entries' table: writing the entries writes it."""
    try:
        return {apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")}
    except LookupError:
        return set()


def sorted_rows(content):
    columns, rows = content
    return columns, sorted(rows, key=repr)


def media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in root.rglob("*")
        if path.is_file()
    }
