from django import template
from django.urls import reverse

from hub_site.workflows.translation_review import can_submit_translation

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_translation_url(context, page):
    """Where the translator submits this translation for review, or "" when they cannot."""
    if page is None or not can_submit_translation(page, context["request"].user):
        return ""
    return reverse("hub_workflows:submit_translation", args=[page.pk])
