from tests.workflows.conftest import make_user, team  # noqa: F401 - fixtures
