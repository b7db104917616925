import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub_site.workflows import roles
from tests.kept_rows import kept


@pytest.fixture
def make_user(db):
    def make(username, *group_names, **extra):
        user = get_user_model().objects.create_user(
            username=username,
            email=f"{username}@hub.example",
            password="review-pass-1234",
            **extra,
        )
        user.groups.set(Group.objects.filter(name__in=group_names))
        return user

    return make


@pytest.fixture
@kept
def team(make_user):
    """One person per editorial role."""
    return {
        "editor": make_user("editor", roles.EDITORS),
        "medical": make_user("medical", roles.MEDICAL_REVIEWERS),
        "compliance": make_user("compliance", roles.COMPLIANCE_REVIEWERS),
        "translator": make_user("translator", roles.TRANSLATORS),
        "translation_reviewer": make_user("translation-reviewer", roles.TRANSLATION_REVIEWERS),
        "manager": make_user("manager", roles.SITE_MANAGERS),
    }
