from django import template

from home.disclosure import footer_data

register = template.Library()


@register.simple_tag(takes_context=True)
def funder_disclosure(context):
    """The disclosure sentence for the reader's site and language."""
    return footer_data(context.get("request"))["disclosure"]


@register.inclusion_tag("home/includes/funders_footer.html", takes_context=True)
def funders_footer(context):
    """The footer's disclosure, the "View funders" link and the pages shown in menus."""
    return footer_data(context.get("request"))
