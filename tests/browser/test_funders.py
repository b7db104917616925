"""Journeys through the funders and support pages in Chromium, on the demo content."""

from playwright.sync_api import expect

from wagtail.contrib.forms.models import FormSubmission

SEED_SENTENCE = (
    "The ALL Hub is an independent medical education platform, sponsored by Amgen, Autolus, "
    "Jazz Pharmaceuticals, and Pfizer and supported through an educational grant from the "
    "Hippocrate Conference Institute, an association of the Servier Group. The funders are "
    "allowed no direct influence on our content."
)


def test_reader_finds_the_funders_from_the_footer(demo_site, hcp_demo_page, screenshot):
    hcp_demo_page.goto(f"{demo_site.url}/en/")

    footer = hcp_demo_page.locator("footer")
    assert footer.locator(".funder-disclosure__sentence").inner_text() == SEED_SENTENCE
    # The strip's logos load lazily, as a reader scrolls to them; a full-page screenshot
    # does not scroll.
    strip_logos = hcp_demo_page.locator(".funders-strip img.funder-logo")
    expect(strip_logos).to_have_count(5)
    for i in range(5):
        strip_logos.nth(i).scroll_into_view_if_needed()
        hcp_demo_page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=strip_logos.nth(i).element_handle()
        )
    screenshot("home-with-funders")
    footer.get_by_role("link", name="View funders").click()

    # Waiting for the new page: its URL is set when the navigation commits, before its
    # content has arrived.
    expect(hcp_demo_page).to_have_url(f"{demo_site.url}/en/funders/")
    expect(hcp_demo_page.get_by_role("heading", level=2)).to_have_text(
        ["Platinum", "Gold", "Silver", "Bronze", "Educational grants"]
    )
    expect(hcp_demo_page.get_by_role("heading", level=3)).to_have_text(
        ["Amgen", "Autolus", "Jazz Pharmaceuticals", "Pfizer", "Hippocrate Conference Institute"]
    )
    logos = hcp_demo_page.locator("img.funder-logo")
    assert logos.count() == 5
    assert all(logos.nth(i).evaluate("img => img.naturalWidth > 0") for i in range(5))
    screenshot("funders")


def test_reader_supports_the_hub_and_must_consent_to_updates(demo_site, hcp_demo_page, screenshot):
    hcp_demo_page.goto(f"{demo_site.url}/en/")
    cta = hcp_demo_page.locator(".support-cta")
    assert cta.get_by_role("heading", level=2).inner_text() == (
        "Now you can support HCPs in making informed decisions for their patients"
    )
    cta.get_by_role("link", name="Find out more").click()
    expect(hcp_demo_page).to_have_url(f"{demo_site.url}/en/support/")

    hcp_demo_page.get_by_label("I am interested in contributing").check()
    hcp_demo_page.get_by_label("Content suggestion").fill("Blinatumomab in frontline therapy")
    hcp_demo_page.get_by_label("Email address").fill("hcp@example.org")
    hcp_demo_page.get_by_role("button", name="Send").click()

    alert = hcp_demo_page.get_by_role("alert")
    assert "Tick this box to agree to receive impact updates by email" in alert.inner_text()
    assert hcp_demo_page.get_by_label("Content suggestion").input_value() == (
        "Blinatumomab in frontline therapy"
    )
    assert not FormSubmission.objects.exists()
    screenshot("support-consent-missing")

    hcp_demo_page.get_by_label(
        "I agree to receive updates on the impact of contributions by email"
    ).check()
    hcp_demo_page.get_by_role("button", name="Send").click()

    assert hcp_demo_page.get_by_role("heading", level=1).inner_text() == "Thank you"
    data = FormSubmission.objects.get().form_data
    assert data["email"] == "hcp@example.org"
    assert data["impact_updates_consent"] is True
    screenshot("support-thank-you")
