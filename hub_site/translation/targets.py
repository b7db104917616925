"""The translated object behind a wagtail-localize translation, for the admin views that
take a translation's id (snippets have no admin URL of one shape)."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404

from wagtail_localize.models import Translation


def translation_and_target(translation_id):
    """The enabled translation and its target; else 404."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "source__locale", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    try:
        return translation, translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
