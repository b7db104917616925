from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_settings(request):
    """Staff turn their second factor on or off from their account page."""
    return {
        "url": reverse("two_factor:profile"),
        "label": _("Two-factor authentication"),
        "help_text": _("Require a code from an authenticator app each time you sign in."),
    }
