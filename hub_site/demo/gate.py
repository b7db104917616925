"""The HCP gate's copy in English, worded as on the seed page. Idempotent."""

from wagtail.models import Locale

from hub_site.gate.models import GateCopy

SEED_GATE_COPY = {
    "heading": "Healthcare professionals only",
    "statement": (
        "All content on this site is intended for healthcare professionals only. By "
        "acknowledging this message and accessing the information on this website you are "
        "confirming that you are a Healthcare Professional."
    ),
    "confirm_label": "I am a healthcare professional",
    "patient_label": "I am a patient or carer",
    "patient_site_name": "Know ALL",
    "patient_site_url": "https://www.knowall.org/",
    "withdraw_label": "I am not a healthcare professional",
}


def load_gate_copy():
    """Create (or bring back to the seed's wording) the default language's gate copy."""
    locale = Locale.get_default()
    copy = GateCopy.objects.filter(locale=locale).first() or GateCopy(locale=locale)
    changed = copy.pk is None or not copy.live
    for field, value in SEED_GATE_COPY.items():
        if getattr(copy, field) != value:
            setattr(copy, field, value)
            changed = True
    if changed:
        copy.save()
        copy.save_revision().publish()
    return copy
