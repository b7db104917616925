"""Production settings pass Django's deployment checks (no nginx or PostgreSQL needed)."""

import os
import re
import subprocess
import sys

from deploy.stack import PROJECT_DIR

# Justified in docs/deploy.md, "manage.py check --deploy".
ACCEPTED_WARNINGS = {"security.W019", "security.W021"}


def test_production_settings_pass_check_deploy():
    # settings.test (this process) turns async safety off; a deployment must not.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "a-long-random-production-like-key-" + "x7Qp" * 12,
        "ALLOWED_HOSTS": "hub.example",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    reported = set(re.findall(r"\((\w+\.[WE]\d+)\)", result.stdout + result.stderr))
    assert reported == ACCEPTED_WARNINGS
