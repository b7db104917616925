from django import template
from django.utils.translation import get_language

from hub_site.gate.cookies import has_valid_confirmation
from hub_site.gate.models import GateCopy

register = template.Library()


@register.inclusion_tag("hub_gate/withdraw_link.html", takes_context=True)
def hcp_withdraw_link(context):
    """The footer link to withdraw the reader's confirmation, when there is one."""
    request = context.get("request")
    if request is None or not has_valid_confirmation(request):
        return {"show": False}
    copy = GateCopy.for_active_language(request)
    return {
        "show": True,
        "label": copy.withdraw_label,
        "label_language": copy.language_code if copy.language_code != get_language() else "",
    }
