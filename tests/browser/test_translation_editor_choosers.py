"""The translation editor's page choosers (an article's feedback survey and featured poll,
synchronised from the English article) show the chosen page to a translator: the admin API
answers them, at its own URL without a language prefix."""

from playwright.sync_api import expect

from articles.models import ArticlePage
from hub_site.workflows import roles
from tests.browser.test_workflow_admin import make_user, sign_in
from tests.demo_rows import load_demo_content


def test_the_survey_and_poll_choosers_load_for_a_translator(live_site, page):
    load_demo_content()
    make_user("tr", roles.TRANSLATORS)
    spanish = ArticlePage.objects.get(locale__language_code="es", featured_poll__isnull=False)
    api_calls = []
    page.on(
        "response",
        lambda response: (
            "/api/main/pages/" in response.url and api_calls.append((response.url, response.status))
        ),
    )

    sign_in(page, live_site.url, "tr")
    page.goto(f"{live_site.url}/admin/pages/{spanish.pk}/edit/")

    poll = spanish.featured_poll.get_translation(spanish.featured_poll.locale)
    expect(page.get_by_text(poll.title).first).to_be_visible()
    expect(page.get_by_text("Fetching page information")).to_have_count(0)
    assert api_calls, "the editor asked the admin API nothing"
    for url, status in api_calls:
        assert url.startswith(f"{live_site.url}/admin/api/main/pages/"), url
        assert status == 200, url
