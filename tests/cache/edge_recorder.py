"""A frontend-cache backend that records what Wagtail asks it to purge (tests only)."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

purged_batches = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        purged_batches.append(sorted(urls))
