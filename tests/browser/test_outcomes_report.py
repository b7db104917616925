"""The report in Chromium: axe-core finds no violations in its figures, charts and tables
in the admin, nor on the printable page; the reviewer guide's screenshot."""

from django.urls import reverse

from wagtail.models import Locale, Site

from hub_site.workflows import roles
from tests.browser.test_accessibility import axe_violations, report
from tests.browser.test_role_dashboards import assert_no_axe_violations_in
from tests.browser.test_workflow_admin import guide_shot, make_user, sign_in
from tests.outcomes.conftest import build_outcomes


def test_the_report_and_its_printable_page_have_no_axe_violations(live_site, page):
    outcomes = build_outcomes(
        Site.objects.get(is_default_site=True).root_page.specific,
        Locale.objects.get(language_code="es"),
    )
    make_user("outcomes-manager", roles.SITE_MANAGERS)
    page.set_viewport_size({"width": 1400, "height": 1000})
    sign_in(page, live_site.url, "outcomes-manager")

    report_url = reverse("hub_outcomes:programme", args=[outcomes.programme.pk])
    page.goto(f"{live_site.url}{report_url}?locale=en")
    page.get_by_role("img", name="Participation").first.wait_for()
    assert page.get_by_text("fewer than 5").first.is_visible()
    assert_no_axe_violations_in(page, ".hub-outcomes")
    guide_shot(page, "reviewer-learning-outcomes-report")

    print_url = reverse("hub_outcomes:programme_print", args=[outcomes.programme.pk])
    page.goto(f"{live_site.url}{print_url}")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Learning outcomes: ALL education grant"
    )
    violations = axe_violations(page)
    assert not violations, report({page.url: violations})
