from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WorkflowsConfig(AppConfig):
    name = "hub_site.workflows"
    label = "hub_workflows"
    verbose_name = "Roles and review workflows"

    def ready(self):
        from hub_site.workflows import signals
        from hub_site.workflows.roles import sync_roles

        signals.connect()
        # After every migrate, so models added later (snippets, page types) get their
        # permissions assigned to the roles.
        post_migrate.connect(sync_roles, sender=self)
