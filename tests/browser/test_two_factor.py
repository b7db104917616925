"""Staff set up and use the second factor in a real browser, under the admin's CSP."""

from base64 import b32decode

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model

from tests.browser.test_security_csp import csp_violations

PASSWORD = "two-factor-browser-password-1"


def test_staff_turn_on_the_second_factor_and_then_need_it(live_site, page):
    get_user_model().objects.create_superuser("tfa", "tfa@example.com", PASSWORD)
    violations = csp_violations(page)

    page.goto(f"{live_site.url}/admin/")
    page.fill("input[name='auth-username']", "tfa")
    page.fill("input[name='auth-password']", PASSWORD)
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(f"{live_site.url}/admin/")

    page.goto(f"{live_site.url}/admin/2fa/account/two_factor/setup/")
    page.get_by_role("button", name="Next").click()  # past the introduction
    qr_code = page.locator("img[src*='qrcode']")
    qr_code.wait_for()
    assert qr_code.evaluate("image => image.naturalWidth") > 0
    page.screenshot(path="test-artifacts/two-factor-setup.png", full_page=True)
    # The secret the page offers to type in instead of scanning (base32, as apps take it).
    secret = page.locator("a[href^='otpauth://']").inner_text().strip()
    page.fill("input[name='generator-token']", f"{totp(b32decode(secret)):06d}")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/setup/complete/")
    assert TOTPDevice.objects.filter(user__username="tfa", confirmed=True).exists()

    page.context.clear_cookies()
    page.goto(f"{live_site.url}/admin/")
    page.fill("input[name='auth-username']", "tfa")
    page.fill("input[name='auth-password']", PASSWORD)
    page.get_by_role("button", name="Next").click()
    page.locator("input[name='token-otp_token']").wait_for()
    page.screenshot(path="test-artifacts/two-factor-code.png", full_page=True)

    assert violations == []
