from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class WorkflowsConfig(AppConfig):
    name = "hub_site.workflows"
    label = "hub_workflows"
    verbose_name = "Roles and review workflows"

    def ready(self):
        from hub_site.workflows import disclosures, signals
        from hub_site.workflows.role_sync import sync_roles

        signals.connect()
        disclosures.connect()
        # After every migrate, so models added later (snippets, page types) get their
        # permissions assigned to the roles: once per migrate, after the last app's
        # post_migrate, when Django has created every app's content types and permissions.
        last_app_with_models = [a for a in apps.get_app_configs() if a.models_module][-1]
        post_migrate.connect(sync_roles, sender=last_app_with_models)
