"""The environment is read in one place: settings/base.py declares every variable, README.md
lists the same ones, and no other project module reads the environment for a setting."""

import ast
import os
import re
from pathlib import Path

import pytest

from django.conf import settings

from tests.fresh_process import run_python

PROJECT_DIR = Path(__file__).resolve().parents[2]
SETTINGS_DIR = PROJECT_DIR / "settings"

# Not project code, or not the app's: the virtualenv, npm's tools, tests, generated files.
SKIPPED_FOLDERS = {
    ".git",
    ".venv",
    "node_modules",
    "tests",
    "test-artifacts",
    "run",
    "media",
    "static_collected",
    "__pycache__",
}
# Files that may read the environment, and what they may read (None: anything).
ENVIRONMENT_READERS = {
    # Sets the environment of the processes it starts (nginx, the app servers, the worker),
    # and reads PORT for `make serve`.
    "deploy/stack.py": None,
    # gunicorn's own configuration (the benchmark's comparison), read by gunicorn.
    "deploy/gunicorn.conf.py": {
        "GUNICORN_BIND",
        "GUNICORN_WORKERS",
        "GUNICORN_TIMEOUT",
        "GUNICORN_MAX_REQUESTS",
        "GUNICORN_ACCESS_LOG",
        "GUNICORN_LOG_LEVEL",
    },
    # Which settings module Django loads, when the caller has not said.
    "manage.py": {"DJANGO_SETTINGS_MODULE"},
    "hub_site/wsgi.py": {"DJANGO_SETTINGS_MODULE"},
    "hub_site/asgi.py": {"DJANGO_SETTINGS_MODULE"},
    # pytest-xdist's worker name, and async safety off for Playwright's event loop.
    "settings/test.py": {"PYTEST_XDIST_WORKER", "DJANGO_ALLOW_ASYNC_UNSAFE"},
    # The one declaration of every variable (env = environ.Env(...)).
    "settings/base.py": {"django-environ"},
}
# Command-line tools that start the stack and pass it their environment.
ENVIRONMENT_READER_FOLDERS = ("bench/",)
# django-environ's readers that parse a URL; their type is the parser, their default declared.
URL_READERS = {"db_url", "email_url", "cache_url", "search_url"}


def declared_variables():
    """The keyword names of ``env = environ.Env(...)`` in settings/base.py."""
    tree = ast.parse((SETTINGS_DIR / "base.py").read_text())
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["env"]
            and isinstance(node.value, ast.Call)
        ):
            return {keyword.arg for keyword in node.value.keywords}
    raise AssertionError("settings/base.py declares no env = environ.Env(...)")


def readme_variables():
    """The names in the first column of README.md's table under "## Configuration"."""
    text = (PROJECT_DIR / "README.md").read_text()
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert rows[0].split("|")[1].strip() == "variable", "the table's first column: variable"
    names = set()
    for row in rows[2:]:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        assert len(cells) == 3 and all(cells), f"name, default and meaning in: {row}"
        found = re.findall(r"`([A-Z][A-Z0-9_]*)`", cells[0])
        assert found, f"no variable named in: {row}"
        names.update(found)
    return names


def env_reads(path):
    """(line, name or None, how) of every env read in a settings module."""
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "env":
            how = "env"
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "env"
        ):
            how = func.attr
        else:
            continue
        first = node.args[0] if node.args else None
        name = first.value if isinstance(first, ast.Constant) else None
        yield node.lineno, name, how


def environment_uses(path):
    """(line, what) of every use of os.environ, os.getenv or django-environ in a module:
    the variable's name when the use names one, else what is used."""
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if "environ" in {alias.name for alias in node.names}:
                yield node.lineno, "django-environ"
        elif isinstance(node, ast.ImportFrom):
            if node.module == "environ":
                yield node.lineno, "django-environ"
            elif node.module == "os" and {a.name for a in node.names} & {"environ", "getenv"}:
                yield node.lineno, "the environment"
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            and node.attr in {"environ", "getenv"}
        ):
            yield node.lineno, named_variable(tree, node) or "the environment"


def named_variable(tree, use):
    """The variable ``os.environ.get("X")``, ``os.environ["X"]``, ``os.environ.setdefault("X",
    …)`` or ``os.getenv("X")`` names; None for any other use (the whole environment)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names_it = func is use or (
                isinstance(func, ast.Attribute)
                and func.value is use
                and func.attr in {"get", "setdefault"}
            )
            if names_it and node.args and isinstance(node.args[0], ast.Constant):
                return node.args[0].value
        if (
            isinstance(node, ast.Subscript)
            and node.value is use
            and isinstance(node.slice, ast.Constant)
        ):
            return node.slice.value
    return None


def project_modules():
    for folder, subfolders, files in os.walk(PROJECT_DIR):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED_FOLDERS]
        for name in files:
            if name.endswith(".py"):
                path = Path(folder) / name
                yield path.relative_to(PROJECT_DIR).as_posix(), path


def test_the_readme_table_lists_exactly_the_declared_variables():
    declared, documented = declared_variables(), readme_variables()

    assert declared - documented == set(), "declared in settings/base.py, missing in README.md"
    assert documented - declared == set(), "in README.md's table, declared nowhere"


def test_settings_read_only_declared_variables_each_with_its_declared_type():
    declared = declared_variables()
    read = set()
    for path in sorted(SETTINGS_DIR.glob("*.py")):
        for line, name, how in env_reads(path):
            where = f"settings/{path.name}:{line}"
            assert name is not None, f"{where}: env read without a literal name"
            assert name in declared, f"{where}: {name} is not declared in settings/base.py"
            # env.int("X", default=…) would declare a type and a default a second time.
            assert how == "env" or how in URL_READERS, f"{where}: env.{how}({name!r}, …)"
            read.add(name)

    assert declared - read == set(), "declared but never read"


def test_no_module_outside_settings_reads_the_environment_for_a_setting():
    unexpected = []
    for relative, path in project_modules():
        if relative.startswith(ENVIRONMENT_READER_FOLDERS):
            continue
        allowed = ENVIRONMENT_READERS.get(relative, set())
        for line, what in environment_uses(path):
            if allowed is None or what in allowed:
                continue
            unexpected.append(f"{relative}:{line}: {what}")

    assert unexpected == [], "read the environment through settings/base.py's env instead"


def test_the_wsgi_entry_point_trusts_the_proxies_the_settings_name():
    from deploy import wsgi

    assert settings.TRUSTED_PROXY_ADDRESSES == ("127.0.0.1", "::1", "")
    assert frozenset(settings.TRUSTED_PROXY_ADDRESSES) == wsgi.TRUSTED_PROXY_ADDRESSES
    assert settings.SURVEY_LIMITS_SKIP_LOOPBACK is False


BENCH_ENV = {
    "SECRET_KEY": "a-production-like-secret-for-the-settings-test-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": "sqlite:///:memory:",
}
PRINT_FLAG = (
    "import importlib; print(importlib.import_module('settings.bench').SURVEY_LIMITS_SKIP_LOOPBACK)"
)


def import_bench_settings(**environ):
    return run_python(PRINT_FLAG, {**BENCH_ENV, **environ}, unset={"DEBUG", "HUB_LOCAL_PLAIN_HTTP"})


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"HUB_LOCAL_PLAIN_HTTP": "true"}, "True"),
        ({}, "settings.bench is for benchmarks on loopback"),
        (
            {"HUB_LOCAL_PLAIN_HTTP": "true", "ALLOWED_HOSTS": "hub.example"},
            "HUB_LOCAL_PLAIN_HTTP is for loopback hosts only",
        ),
    ],
    ids=["loopback", "without plain HTTP", "a real host"],
)
def test_the_benchmark_settings_lift_the_limits_on_loopback_only(environ, expected):
    result = import_bench_settings(**environ)

    if expected == "True":
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "True"
    else:
        assert result.returncode != 0
        assert expected in result.stderr
