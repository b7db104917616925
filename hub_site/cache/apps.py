from django.apps import AppConfig


class HubCacheConfig(AppConfig):
    name = "hub_site.cache"
    label = "hub_cache"
    verbose_name = "Page caching"

    def ready(self):
        from hub_site.cache import dependencies, edge_policy, invalidation

        dependencies.connect()
        invalidation.connect()
        edge_policy.connect()
