"""The article carrying script payloads, in a real browser: the payloads stay text.

The Content Security Policy would also stop an inline handler from running, so besides
watching for a dialog the test looks for the elements a payload would have created.
"""

from tests.security.test_stored_script import IMG, MARK, build_content

CREATED_BY_A_PAYLOAD = (
    f'img[src="x"], svg[onload], [onerror], [onload*="{MARK}"], a[href^="javascript:" i]'
)


def test_payloads_are_text_on_the_article_in_chromium(live_site, hcp_page):
    content = build_content()
    dialogs = []
    hcp_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    for article in (content["article"], content["spanish_article"]):
        hcp_page.goto(f"{live_site.url}{article.url}")
        assert IMG in hcp_page.locator("h1").inner_text()
        assert hcp_page.locator(CREATED_BY_A_PAYLOAD).count() == 0
    assert not dialogs
