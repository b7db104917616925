from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub_site.workflows import roles

# Local development only: load_demo creates these users only when DEBUG is on.
DEMO_PASSWORD = "hub-demo-pass"  # noqa: S105
DEMO_USERS = {
    "editor": roles.EDITORS,
    "medical": roles.MEDICAL_REVIEWERS,
    "compliance": roles.COMPLIANCE_REVIEWERS,
    "translator": roles.TRANSLATORS,
    "translation-reviewer": roles.TRANSLATION_REVIEWERS,
    "manager": roles.SITE_MANAGERS,
}


def load_users():
    """One user per editorial role, for trying the workflow locally."""
    if not settings.DEBUG:
        return []
    user_model = get_user_model()
    created_names = []
    for username, group_name in DEMO_USERS.items():
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@localhost", "first_name": username.capitalize()},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            created_names.append(username)
        group = Group.objects.get(name=group_name)
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
    return created_names
