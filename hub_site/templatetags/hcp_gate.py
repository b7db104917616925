from django import template

from hub_site.gate.cookies import has_valid_confirmation
from hub_site.models import GateCopy

register = template.Library()


@register.inclusion_tag("hub_site/gate_withdraw_form.html", takes_context=True)
def hcp_withdraw_form(context):
    """The footer button that withdraws the reader's confirmation, when there is one."""
    request = context.get("request")
    if request is None or not has_valid_confirmation(request):
        return {"show": False}
    return {"show": True, "label": GateCopy.for_active_language().withdraw_label}
