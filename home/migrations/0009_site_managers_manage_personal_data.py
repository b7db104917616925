from django.db import migrations

SITE_MANAGERS = "Site managers"  # hub_site.workflows.roles.SITE_MANAGERS, frozen here


def grant(apps, schema_editor):
    """Give Site managers the permission now; post_migrate would only create it later."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="home", model="personaldataerasure"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_personal_data",
        defaults={"name": "Can export and erase readers' personal data"},
    )
    group = Group.objects.filter(name=SITE_MANAGERS).first()
    if group is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_personal_data_erasure"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("hub_workflows", "0002_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
