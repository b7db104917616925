"""What readers are told about a page's certification: its reference code and date, and
a notice while an expired certificate is being renewed."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.utils import timezone

from hub_site.certification.models import Certificate, CertificationSettings, ExpiryAction
from hub_site.shown import shown_list_of

# A certificate never changes, so what it says of a live revision may be kept this long.
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class ReaderCertification:
    certificate_id: int
    reference_code: str | None
    certified_on: date | None
    review_by: date


def certification_of(page):
    """The live revision's latest certificate as readers see it, or None (cached)."""
    revision_id = getattr(page, "live_revision_id", None)
    if not getattr(page, "live", False) or revision_id is None:
        return None
    # A revision is certified again when it is re-certified or republished unchanged, and
    # each publication sets last_published_at: the key changes with it.
    published = getattr(page, "last_published_at", None)
    key = f"hub_certification:reader:2:{revision_id}:{published.timestamp() if published else ''}"
    found = cache.get(key)
    if found is None:
        certificate = (
            Certificate.objects.filter(revision_id=revision_id)
            .only("pk", "kind", "reference_code", "issued_at", "review_by")
            .first()
        )
        found = (
            ReaderCertification(
                certificate_id=certificate.pk,
                reference_code=certificate.reference_code,
                certified_on=None
                if certificate.is_legacy
                else timezone.localdate(certificate.issued_at),
                review_by=certificate.review_by,
            )
            if certificate
            else False
        )
        cache.set(key, found, CACHE_SECONDS)
    return found or None


def shows_review_notice(page, site):
    """Past its review-by date, on a site that keeps expired pages live with a notice."""
    certification = certification_of(page)
    if certification is None:
        return False
    # The expiry run's record for this certificate is what changes it (hub_site.shown).
    shown_list_of(Certificate, certification.certificate_id)
    if certification.review_by >= timezone.localdate():
        return False
    return CertificationSettings.for_site(site).expiry_action == ExpiryAction.NOTICE
