from django.apps import AppConfig


class HubCacheConfig(AppConfig):
    name = "hub_site.cache"
    label = "hub_cache"
    verbose_name = "Page caching"

    def ready(self):
        from hub_site import remembered
        from hub_site.cache import dependencies, edge_policy, invalidation, memo

        dependencies.connect()
        invalidation.connect()
        edge_policy.connect()
        # Settings, the gate's copy and routed articles are read once per content generation.
        remembered.remember_with(memo.remembered)
