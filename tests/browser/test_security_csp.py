"""The Content Security Policy is on, and neither the admin nor reader pages break it."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

from tests.demo_rows import load_demo_content

PASSWORD = "csp-check-password-1"


def csp_violations(page):
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def policy_directives(header):
    """The policy as {directive: sources}; django-csp does not keep directives in a fixed order."""
    directives = {}
    for part in filter(str.strip, header.split(";")):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_the_admin_dashboard_and_page_editor_run_under_the_policy(live_site, page):
    load_demo_content()
    get_user_model().objects.create_superuser("csp-admin", "csp@example.com", PASSWORD)
    article = Page.objects.live().filter(content_type__model="articlepage").first()
    violations = csp_violations(page)

    page.goto(f"{live_site.url}/admin/login/")
    page.fill("input[name=username]", "csp-admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site.url}/admin/")
    response = page.goto(f"{live_site.url}/admin/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.goto(f"{live_site.url}/admin/pages/{article.pk}/edit/")
    page.wait_for_selector("[data-w-tabs-target='trigger']")
    page.get_by_role("tab", name="Promote").click()

    assert violations == []


def test_reader_pages_run_under_the_strict_policy(live_site, hcp_page):
    load_demo_content()
    article = Page.objects.live().filter(content_type__model="articlepage").first()
    violations = csp_violations(hcp_page)

    response = hcp_page.goto(f"{live_site.url}{article.url}")
    hcp_page.goto(f"{live_site.url}/en/")

    assert policy_directives(response.headers["content-security-policy"])["script-src"] == [
        "'self'"
    ]
    assert violations == []
