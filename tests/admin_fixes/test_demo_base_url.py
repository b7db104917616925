"""make demo gives WAGTAILADMIN_BASE_URL its own address, and the settings follow it."""

import subprocess

import pytest

from tests.fresh_process import PROJECT_DIR, run_python

PRINT_BASE_URL = (
    "import importlib; print(importlib.import_module('settings.dev').WAGTAILADMIN_BASE_URL)"
)


def dev_base_url(**environ):
    """settings.dev's WAGTAILADMIN_BASE_URL in a fresh process with ``environ``."""
    result = run_python(PRINT_BASE_URL, environ, unset={"WAGTAILADMIN_BASE_URL"})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"WAGTAILADMIN_BASE_URL": "http://0.0.0.0:8123"}, "http://0.0.0.0:8123"),
        ({}, "http://127.0.0.1:8000"),
    ],
    ids=["from the environment", "the default"],
)
def test_the_admin_base_url_follows_the_environment(environ, expected):
    assert dev_base_url(**environ) == expected


def test_make_demo_passes_its_address_to_every_manage_py_command():
    result = subprocess.run(
        ["make", "--dry-run", "demo", "HOST=0.0.0.0", "PORT=8123"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    commands = [line for line in result.stdout.splitlines() if "manage.py" in line]
    assert len(commands) == 5
    for command in commands:
        assert "WAGTAILADMIN_BASE_URL=http://0.0.0.0:8123 " in command
        assert "DJANGO_SETTINGS_MODULE=settings.dev " in command
