"""Withdrawing a live page: always possible for the reviewers and site managers, with a
reason, logged. Safety comes first, so no certificate or review is needed to take a page
down; bringing it back needs a new review."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import log
from wagtail.models import Page

from hub_site.releases.withdrawal import end_open_release, live_translations
from hub_site.workflows.roles import (
    COMPLIANCE_REVIEWERS,
    MEDICAL_REVIEWERS,
    SITE_MANAGERS,
    in_any_group,
)

WITHDRAW_ACTION = "hub.withdraw"
WITHDRAWING_GROUPS = (MEDICAL_REVIEWERS, COMPLIANCE_REVIEWERS, SITE_MANAGERS)


def may_withdraw(user):
    return user.is_active and (user.is_superuser or in_any_group(user, WITHDRAWING_GROUPS))


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("Kept in the page's history, for the audit trail."),
    )

    withdraw_translations = forms.BooleanField(
        label=gettext_lazy("Withdraw its translations too"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, translations=(), **kwargs):
        super().__init__(*args, **kwargs)
        if translations:
            self.fields["withdraw_translations"].help_text = ", ".join(
                str(translation.locale.get_display_name()) for translation in translations
            )
        else:
            del self.fields["withdraw_translations"]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the page is withdrawn."))
        return reason


@require_http_methods(["GET", "POST"])
def withdraw(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_withdraw(request.user):
        raise PermissionDenied(_("Only reviewers and site managers withdraw pages."))
    if not page.live:
        messages.error(request, _("This page is not live."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    translations = list(live_translations(page).select_related("locale"))
    form = WithdrawForm(request.POST or None, translations=translations)
    if request.method == "POST":
        if form.is_valid():
            withdrawn = [page]
            if form.cleaned_data.get("withdraw_translations"):
                withdrawn += [translation.specific for translation in translations]
            with transaction.atomic():
                for each in withdrawn:
                    log(
                        instance=each,
                        action=WITHDRAW_ACTION,
                        user=request.user,
                        data={"reason": form.cleaned_data["reason"]},
                    )
                    # Reviewers hold no publish permission, which Wagtail's own unpublish
                    # asks for.
                    UnpublishPageAction(each, user=request.user).execute(
                        skip_permission_checks=True
                    )
                end_open_release(page, request.user)
            messages.success(
                request,
                _("“%(title)s” has been withdrawn.") % {"title": page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        status = 400
    else:
        status = 200
    context = {
        "page": page,
        "form": form,
        "page_title": _("Withdraw"),
        "page_subtitle": page.get_admin_display_title(),
        "header_icon": "cross",
    }
    return TemplateResponse(request, "hub_certification/withdraw.html", context, status=status)


class WithdrawButton(PageMenuItem):
    label = gettext_lazy("Withdraw")
    icon_name = "cross"
    url_name = "hub_certification:withdraw"

    def is_shown(self, user):
        return self.page.live and may_withdraw(user)
