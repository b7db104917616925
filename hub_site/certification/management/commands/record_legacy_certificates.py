from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from hub_site.certification.issue import record_legacy_certificate, render_reader_html
from hub_site.certification.models import Certificate


class Command(BaseCommand):
    help = (
        "Record every live page that has no certificate (it went live before certification) "
        "as legacy content, due for re-certification at once. Running it again records "
        "nothing twice."
    )

    def handle(self, *args, **options):
        recorded = 0
        certified = set(Certificate.objects.values_list("revision_id", flat=True))
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator():
            if page.live_revision_id in certified:
                continue
            with transaction.atomic():
                revision = page.live_revision
                if revision is None:
                    # Made live in code, without a revision: its current content is what
                    # readers get, so that is what is recorded.
                    revision = page.save_revision(changed=False, clean=False)
                try:
                    html = render_reader_html(page)
                except Exception as error:  # noqa: BLE001 - a page that cannot render is still recorded
                    self.stderr.write(f"{page.pk} {page}: its HTML could not be rendered ({error})")
                    html = None
                record_legacy_certificate(revision, html=html)
                if page.live_revision_id != revision.pk:
                    page.live_revision = revision
                    page.save(update_fields=["live_revision"], clean=False)
            recorded += 1
        self.stdout.write(f"{recorded} live page(s) recorded as legacy, due for re-certification.")
