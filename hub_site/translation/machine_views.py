"""The translation editor's machine-translation button, answered from the task queue
(hub_site/translation/machine_queue.py)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from hub_site.translation import machine_queue

# Seconds between the "being prepared" page's refreshes.
REFRESH_SECONDS = 3


def editable_translation(request, translation_id):
    """The translation and its target, if the user may edit the target; else 404/403."""
    translation = get_object_or_404(Translation, id=translation_id)
    target = translation.get_target_instance()
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    return translation, target


def back_to_editor(request, target):
    return get_valid_next_url_from_request(request) or AdminURLFinder(request.user).get_edit_url(
        target
    )


@require_POST
def machine_translate(request, translation_id):
    """Replaces wagtail-localize's view of the same URL: enqueue, then say so."""
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translation, target = editable_translation(request, translation_id)
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        raise Http404
    machine_queue.request_machine_translation(translation.id, request.user)
    status = reverse("hub_translation:machine_translation_status", args=(translation.id,))
    return redirect(f"{status}?{urlencode({'next': back_to_editor(request, target)})}")


@require_GET
def machine_translation_status(request, translation_id):
    translation, target = editable_translation(request, translation_id)
    state = machine_queue.state_of(translation.id)
    editor = back_to_editor(request, target)
    if state == machine_queue.PREPARING:
        translator = get_machine_translator()
        return TemplateResponse(
            request,
            "hub_translation/machine_translation_preparing.html",
            {
                "target": target,
                "locale": translation.target_locale,
                "service": translator.display_name if translator else "",
                "editor_url": editor,
                "refresh_seconds": REFRESH_SECONDS,
            },
        )
    if state == machine_queue.TRANSLATED:
        messages.success(request, _("The machine translation is ready: check it, then submit it."))
    elif state == machine_queue.NOTHING_LEFT:
        messages.warning(request, _("There isn't anything left to translate."))
    elif state == machine_queue.FAILED:
        messages.error(
            request,
            _("The translation service did not answer. Try again later, or translate by hand."),
        )
    return redirect(editor)
