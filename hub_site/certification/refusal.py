from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from hub_site.certification.guard import refusal_message


def refuse(request, page=None):
    """The admin's answer to a request to publish outside review: 403, with the reason."""
    return TemplateResponse(
        request,
        "hub_certification/refused.html",
        {
            "message": refusal_message(),
            "page": page,
            "page_title": _("Not published"),
            "header_icon": "warning",
        },
        status=403,
    )
