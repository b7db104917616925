from django.db import migrations

GROUPS = [
    "Editors",
    "Medical reviewers",
    "Compliance reviewers",
    "Translators",
    "Translation reviewers",
    "Site managers",
]
TASKS = {
    "Medical review": ["Medical reviewers", "Site managers"],
    "Compliance sign-off": ["Compliance reviewers", "Site managers"],
}
WORKFLOWS = {
    "Editorial review": ["Medical review", "Compliance sign-off"],
    "Funder review": ["Compliance sign-off"],
}


def create_roles_and_workflows(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    FourEyesApprovalTask = apps.get_model("hub_workflows.FourEyesApprovalTask")

    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
    # Wagtail's starter data lets "Editors" edit the whole tree from the root; our editors
    # work on the default language's tree only (granted by role_sync.sync_roles).
    GroupPagePermission.objects.filter(group=groups["Editors"]).delete()
    # Wagtail's starter "Moderators" group and its approval workflow are replaced by the
    # editorial roles above.
    Group.objects.filter(name="Moderators").delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)

    task_content_type, _ = ContentType.objects.get_or_create(
        app_label="hub_workflows", model="foureyesapprovaltask"
    )
    tasks = {}
    for name, group_names in TASKS.items():
        task, created = FourEyesApprovalTask.objects.get_or_create(
            name=name, defaults={"content_type": task_content_type}
        )
        if created:
            task.groups.set([groups[group_name] for group_name in group_names])
        tasks[name] = task
    for name, task_names in WORKFLOWS.items():
        workflow, created = Workflow.objects.get_or_create(name=name)
        if created:
            for order, task_name in enumerate(task_names):
                WorkflowTask.objects.create(workflow=workflow, task=tasks[task_name], sort_order=order)


class Migration(migrations.Migration):
    dependencies = [
        ("hub_workflows", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflows, migrations.RunPython.noop)]
