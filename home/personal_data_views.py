"""Admin views for personal data requests: export or erase what is held for one address.

Addresses travel in POST bodies only, never in URLs, so they stay out of access logs.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.defaults import permission_denied
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.personal_data import HeldData

PERMISSION = "home.manage_personal_data"
ERASE = "erase"
NOTHING_HELD = _("Nothing that can be erased is held for this address. Nothing was changed.")


def may_manage_personal_data(user):
    return user.has_perm(PERMISSION)


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))


class ConfirmErasureForm(AddressForm):
    email = forms.EmailField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("Yes, erase everything listed above for this address. This cannot be undone.")
    )


class PersonalDataMixin(WagtailAdminTemplateMixin):
    page_title = _("Personal data requests")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_personal_data(request.user):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect to the
            # dashboard, which answers a forged POST with a 302 that looks like success.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("personal_data:index"), "label": self.page_title},
        ]


class PersonalDataView(PersonalDataMixin, FormView):
    """The address form: "Export" downloads JSON; "Erase" shows what would go, to confirm."""

    template_name = "home/admin/personal_data.html"
    form_class = AddressForm

    def form_valid(self, form):
        held = HeldData.find(form.cleaned_data["email"])
        if self.request.POST.get("action") == ERASE:
            if not held.erasable:
                messages.info(self.request, NOTHING_HELD)
                return self.render_to_response(self.get_context_data(form=form))
            return TemplateResponse(
                self.request,
                "home/admin/personal_data_confirm_erase.html",
                self.get_context_data(
                    held=held,
                    confirm_form=ConfirmErasureForm(initial={"email": held.address}),
                ),
            )
        response = HttpResponse(held.as_json(), content_type="application/json; charset=utf-8")
        filename = f"personal-data-{timezone.now():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class EraseView(PersonalDataMixin, FormView):
    http_method_names = ["post"]
    template_name = "home/admin/personal_data_confirm_erase.html"
    form_class = ConfirmErasureForm

    def form_valid(self, form):
        with transaction.atomic():
            held = HeldData.find(form.cleaned_data["email"])
            if not held.erasable:
                messages.info(self.request, NOTHING_HELD)
                return redirect("personal_data:index")
            counts = held.erase(self.request.user)
        erased = sum(counts.values())
        messages.success(
            self.request,
            ngettext(
                "Erased %(count)d record held for the address.",
                "Erased %(count)d records held for the address.",
                erased,
            )
            % {"count": erased},
        )
        return redirect("personal_data:index")

    def form_invalid(self, form):
        email = form.cleaned_data.get("email")
        held = HeldData.find(email) if email else None
        return self.render_to_response(
            self.get_context_data(held=held, confirm_form=form), status=400
        )
