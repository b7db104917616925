from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.admin import messages
from wagtail.models import Locale, Page

from hub_site.translation.checks import flagged_segments_of_page
from hub_site.translation.models import NumberCheckConfirmation


@require_http_methods(["GET", "POST"])
def number_check(request, page_id):
    """The segments of a translated page whose figures differ from the source's."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation, flagged = flagged_segments_of_page(page)

    if request.method == "POST":
        by_id = {str(f.string_translation.pk): f for f in flagged}
        segment = by_id.get(request.POST.get("string_translation", ""))
        if segment is None:
            messages.error(request, _("That segment has no figures left to confirm."))
            return TemplateResponse(
                request,
                "hub_translation/number_check.html",
                {"page": page, "translation": translation, "flagged": flagged},
                status=400,
            )
        with transaction.atomic():
            NumberCheckConfirmation.objects.create(
                string_translation=segment.string_translation,
                confirmed_text=segment.translated_text,
                confirmed_by=request.user,
            )
        messages.success(request, _("The figures of that segment are confirmed."))
        return redirect("hub_translation:number_check", page.pk)

    return TemplateResponse(
        request,
        "hub_translation/number_check.html",
        {"page": page, "translation": translation, "flagged": flagged},
    )


def refuse_flagged(request, page, flagged):
    """Tell the translator what blocks publishing and send them to the check page."""
    messages.error(
        request,
        _(
            "The figures in %(count)d segment(s) differ from the original: %(segments)s. "
            "Correct them in the translation editor or confirm them before this "
            "translation can be submitted or published."
        )
        % {
            "count": len(flagged),
            "segments": "; ".join(
                f"“{f.source_text}” → “{f.translated_text}”" for f in flagged[:5]
            ),
        },
    )
    return redirect("hub_translation:number_check", page.pk)


def translation_status_report(request):
    """Admin report: every translatable page and snippet × locale, filterable."""
    from hub_site.translation.status import STATUSES, translation_status

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
