from django import template

from wagtail.models import Site

from hub_site.certification.reader import certification_of, shows_review_notice

register = template.Library()


@register.inclusion_tag("hub_certification/certification_line.html")
def certification_line(page):
    """'Ref. ALLHUB-2026-0042 · Certified 6 December 2026' under a certified page."""
    certification = certification_of(page) if page is not None else None
    if certification is None or certification.certified_on is None:
        return {"certification": None}
    return {"certification": certification}


@register.inclusion_tag("hub_certification/review_notice.html", takes_context=True)
def review_notice(context, page):
    """'This content is being reviewed' while an expired certificate is renewed."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return {"shown": page is not None and site is not None and shows_review_notice(page, site)}
