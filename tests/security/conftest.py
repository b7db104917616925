import pytest

from wagtail.models import Page


@pytest.fixture
def demo(demo_content):
    """The demo site (seed content in every part), loaded as `make demo` loads it, once per
    module: the module's other tests run with it too."""


def live_page(type_name, locale="en"):
    return (
        Page.objects.live()
        .filter(content_type__model=type_name, locale__language_code=locale)
        .first()
        .specific
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-like-secret-for-the-settings-test-0123456789",
    "ALLOWED_HOSTS": "hub.example",
    "DEBUG": "",
}
SETTINGS_PRINTER = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
values = {k: getattr(module, k) for k in dir(module) if k.isupper()}
print(json.dumps(values, default=lambda _: None))
"""


@pytest.fixture
def settings_module_values():
    """The settings a module defines, imported in a fresh interpreter with a production-like
    environment (settings are read once per process, so this one's cannot be reused)."""
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    def load(module):
        result = subprocess.run(  # our own interpreter and script
            [sys.executable, "-c", SETTINGS_PRINTER, module],
            env={**os.environ, **PRODUCTION_ENV},
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout)

    return load
