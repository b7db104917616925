"""The public cookie page lists exactly the cookies a reader's browser receives."""

import re

from hub_site.demo.articles import SEED_ARTICLE_SLUG
from tests.browser.translations import publish_spanish_seed_article
from tests.demo_rows import load_demo_content


def test_cookie_page_lists_every_cookie_the_reader_journey_receives(live_site, page):
    load_demo_content()
    publish_spanish_seed_article()

    # The cookie page is open to readers who have not confirmed yet.
    response = page.goto(f"{live_site.url}/en/cookies/")
    assert response.status == 200 and page.url.endswith("/en/cookies/")
    assert page.context.cookies() == []
    listed = set(re.findall(r"<li><b>([\w-]+)</b>", page.locator("main").inner_html()))
    assert {"hcp_confirmed", "hub_reader", "hub_notice", "csrftoken"} <= listed

    # hub_notice lives from an answer's redirect to the page that thanks the reader, so it
    # is gone by the end: what every response set counts as received too. (A lambda, as
    # Playwright tags its handlers, which a builtin such as list.append cannot be.)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{live_site.url}/en/articles/{SEED_ARTICLE_SLUG}/")
    page.get_by_role("button", name="I am a healthcare professional").click()
    page.wait_for_url(f"**/en/articles/{SEED_ARTICLE_SLUG}/")
    survey = page.locator("form.survey-form")
    for group in survey.get_by_role("group").all():
        radios = group.get_by_role("radio")
        if radios.count():
            radios.first.check()
    survey.get_by_role("button").click()
    page.wait_for_url("**#feedback")
    poll = page.locator("form.poll-form")
    poll.get_by_role("radio").first.check()
    poll.get_by_role("button", name="Vote").click()
    page.get_by_text("Thank you for voting.").wait_for()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/**")
    # Django's language form, for the one cookie the links above do not set.
    page.request.post(
        f"{live_site.url}/i18n/setlang/",
        form={"language": "es", "next": "/es/"},
        headers={
            "X-CSRFToken": next(
                c["value"] for c in page.context.cookies() if c["name"] == "csrftoken"
            ),
            "Referer": f"{live_site.url}/es/",
        },
    )

    received = {cookie["name"] for cookie in page.context.cookies()} | {
        header["value"].split("=", 1)[0]
        for response in responses
        for header in response.headers_array()
        if header["name"].lower() == "set-cookie"
    }
    assert "hub_notice" in received
    # The edge pass is set only where an edge checks it (EDGE_POLICY_URLS), which this live
    # server has not: tests/production/test_edge.py and tests/cache/test_edge_pass.py show
    # a confirmed reader receiving it there.
    assert "hub_edge_pass" in listed
    listed -= {"hub_edge_pass"}
    assert received == listed, (
        f"received but not listed: {received - listed}; listed but not received: "
        f"{listed - received}"
    )
