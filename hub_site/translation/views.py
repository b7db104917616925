from django import forms
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, WorkflowMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation

from hub_site.translation.approval import unconfirmed_figures_message
from hub_site.translation.models import NumberCheckConfirmation
from hub_site.translation.numbers_guard import flagged_segments_of, translation_of
from hub_site.translation.status import STATUSES, translation_status


class NumberConfirmationForm(forms.Form):
    string_translation = forms.TypedChoiceField(coerce=int)
    reason = forms.CharField(
        label=gettext_lazy("Why the figures differ"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Say why the figures differ from the original.")},
    )

    def __init__(self, *args, flagged, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["string_translation"].choices = [
            (segment.string_translation.pk, segment.source_text) for segment in flagged
        ]


def number_check_url(obj):
    """The numbers check of a translated page, or of a translated snippet's translation."""
    if isinstance(obj, Page):
        return reverse("hub_translation:number_check", args=(obj.pk,))
    translation = translation_of(obj)
    return reverse("hub_translation:translation_number_check", args=(translation.pk,))


def may_check_numbers(user, obj):
    """Who edits the translation, and the reviewers of its workflow: the confirmation of a
    difference in figures is asked of someone other than the translator who made it."""
    if isinstance(obj, Page):
        if obj.permissions_for_user(user).can_edit():
            return True
    elif ModelPermissionPolicy(type(obj)).user_has_permission(user, "change"):
        return True
    workflow = obj.get_workflow() if isinstance(obj, WorkflowMixin) else None
    return workflow is not None and any(
        task.user_can_access_editor(obj, user) for task in workflow.tasks.specific()
    )


@require_http_methods(["GET", "POST"])
def number_check(request, page_id):
    """The segments of a translated page whose figures differ from the source's."""
    return number_check_of(request, get_object_or_404(Page, pk=page_id).specific)


@require_http_methods(["GET", "POST"])
def translation_number_check(request, translation_id):
    """The same, for a translated snippet (snippets have no admin URL of one shape)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        obj = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    return number_check_of(request, obj)


def number_check_of(request, obj):
    if not may_check_numbers(request.user, obj):
        raise PermissionDenied
    translation, flagged = flagged_segments_of(obj)
    context = {
        "object": obj,
        "title": obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
        "translation": translation,
        "flagged": flagged,
        "edit_url": AdminURLFinder(request.user).get_edit_url(obj),
    }

    if request.method == "POST":
        form = NumberConfirmationForm(request.POST, flagged=flagged)
        if not form.is_valid():
            if "string_translation" in form.errors:
                messages.error(request, _("That segment has no figures left to confirm."))
            else:
                messages.error(request, _("Say why the figures differ from the original."))
            return TemplateResponse(
                request,
                "hub_translation/number_check.html",
                {**context, "form": form},
                status=400,
            )
        segment = next(
            s for s in flagged if s.string_translation.pk == form.cleaned_data["string_translation"]
        )
        if segment.translator_id == request.user.pk:
            messages.error(
                request,
                _(
                    "You translated this segment: someone other than its translator must "
                    "confirm that its figures differ from the original on purpose."
                ),
            )
            return TemplateResponse(
                request, "hub_translation/number_check.html", {**context, "form": form}, status=403
            )
        with transaction.atomic():
            NumberCheckConfirmation.objects.create(
                string_translation=segment.string_translation,
                confirmed_text=segment.translated_text,
                confirmed_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        messages.success(request, _("The figures of that segment are confirmed."))
        return redirect(request.path)

    return TemplateResponse(request, "hub_translation/number_check.html", context)


def refuse_flagged(request, obj, flagged):
    """Tell the translator what blocks publishing and send them to the numbers check."""
    messages.error(
        request,
        " ".join(
            (
                unconfirmed_figures_message(flagged),
                _(
                    "Correct them in the translation editor, or ask someone other than their "
                    "translator to confirm them in the numbers check."
                ),
            )
        ),
    )
    return redirect(number_check_url(obj))


def translation_status_report(request):
    """Admin report: every translatable page and snippet × locale, filterable."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    locales = list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))
    chosen_locale = next(
        (loc for loc in locales if loc.language_code == request.GET.get("locale")), None
    )
    chosen_status = request.GET.get("status", "")
    if chosen_status not in STATUSES:
        chosen_status = ""
    return TemplateResponse(
        request,
        "hub_translation/status_report.html",
        {
            "rows": translation_status(locale=chosen_locale, status=chosen_status),
            "locales": locales,
            "statuses": STATUSES.items(),
            "chosen_locale": chosen_locale,
            "chosen_status": chosen_status,
        },
    )
