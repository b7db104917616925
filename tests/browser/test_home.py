from wagtail.models import Site


def test_home_page_renders_in_chromium(live_site, hcp_page, screenshot):
    site_name = Site.objects.get(is_default_site=True).site_name

    response = hcp_page.goto(f"{live_site.url}/")

    assert response.ok
    assert hcp_page.url == f"{live_site.url}/en/"
    assert hcp_page.title() == site_name
    assert hcp_page.get_by_role("heading", level=1).inner_text() == site_name
    assert hcp_page.locator("html").get_attribute("lang") == "en"
    assert hcp_page.get_by_role("link", name="Skip to main content").count() == 1
    path = screenshot("home")
    assert path.stat().st_size > 0
