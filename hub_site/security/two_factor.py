"""The staff second factor in front of the Wagtail admin.

django-two-factor-auth signs staff in with a password and then a TOTP code. Wagtail's own
login form (still routed at /admin/login/) checks the password only, so this middleware is
the one place that decides: an admin request from an account with a device that has not
given its code this session is signed out and sent to the two-step login; with
STAFF_TWO_FACTOR_REQUIRED, an account without a device is sent to set one up.
"""

from two_factor.utils import default_device

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._refusal(request)
        return response or self.get_response(request)

    def _refusal(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        admin_prefix = reverse("wagtailadmin_home")
        two_factor_prefix = reverse("two_factor:login").rsplit("account/", 1)[0]
        path = request.path_info
        if not path.startswith(admin_prefix) or path.startswith(two_factor_prefix):
            return None
        if path == reverse("wagtailadmin_logout"):
            return None
        # The device the two-step login asks for: another test would loop sign-in forever.
        if default_device(user) is not None:
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("two_factor:login"))
        if settings.STAFF_TWO_FACTOR_REQUIRED:
            return redirect("two_factor:setup")
        return None
