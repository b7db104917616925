"""Python run in a fresh process in the project folder: settings as a new process reads them
from its environment."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


def run_python(code, environ, unset=()):
    """Run ``code`` with this interpreter, in this process's environment less
    ``DJANGO_SETTINGS_MODULE`` and the variables ``unset``, plus ``environ``. Returns the
    finished process, its output as text."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", *unset}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={**inherited, **environ},
        capture_output=True,
        text=True,
        timeout=60,
    )
