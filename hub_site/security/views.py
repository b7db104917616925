from datetime import UTC
from email.utils import parseaddr

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from wagtail.models import Site

from hub_site.security.models import SecurityContact


@require_GET
def security_txt(request):
    """RFC 9116 security.txt, from the site's Security contact setting."""
    site = Site.find_for_request(request)
    contact = SecurityContact.for_site(site) if site else SecurityContact()
    address = contact.contact or f"mailto:{parseaddr(settings.SERVER_EMAIL)[1]}"
    lines = [
        f"Contact: {address}",
        f"Expires: {contact.expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {contact.preferred_languages}",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    if contact.policy:
        lines.append(f"Policy: {contact.policy}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "max-age=3600"
    return response
