"""The base class of the site settings every reader request reads.

``RememberedSiteSetting`` is Wagtail's ``BaseSiteSetting`` whose row is read through
``hub_site.remembered``: once per content generation in each process while the caching
layer is installed, else from the database as Wagtail reads it. Everything else is
Wagtail's own ``for_request``: the site found for the request, the setting kept on the
request for the rest of it.
"""

from contextvars import ContextVar
from functools import partial

from wagtail.contrib.settings.models import BaseSiteSetting

from hub_site.remembered import remembered

# The request ``for_request`` reads the setting for: Wagtail's ``for_request`` hands
# ``for_site`` the site alone, and a memo keeps values per request's content generation.
_reading_for = ContextVar("hub_site_setting_request", default=None)


class RememberedSiteSetting(BaseSiteSetting):
    """A site setting read once per content generation, not once per request."""

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request):
        token = _reading_for.set(request)
        try:
            return super().for_request(request)
        finally:
            _reading_for.reset(token)

    @classmethod
    def for_site(cls, site):
        request = _reading_for.get()
        # Outside a request (the admin's settings view, commands) the row is read afresh.
        if request is None or site is None:
            return super().for_site(site)
        key = ("setting", cls._meta.label, site.pk)
        return remembered(request, key, partial(super().for_site, site))
