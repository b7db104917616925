"""axe-core finds no violations on the reader pages, in English and Spanish.

axe-core comes from npm (``make a11y-deps`` installs the pinned version into the git-ignored
``node_modules``) and is injected into each page by Playwright.
"""

import json
from pathlib import Path

import pytest

from hub_site.demo.articles import SEED_ARTICLE_SLUG

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA plus axe's best practices (landmarks, heading order, one h1…).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

READER_PATHS = [
    "/{lang}/",
    "/{lang}/articles/",
    f"/{{lang}}/articles/{SEED_ARTICLE_SLUG}/",
    "/{lang}/funders/",
    "/{lang}/search/?q=MRD",
    "/{lang}/support/",
    "/{lang}/cookies/",
]


def axe_violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make a11y-deps` (npm install of axe-core)")
    # Evaluated through the DevTools protocol: the site's CSP (rightly) refuses inline scripts.
    page.evaluate(AXE.read_text() + "\n;window.axe = axe;")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def report(violations_by_url):
    return json.dumps(violations_by_url, indent=2)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_reader_pages_have_no_axe_violations(demo_site, hcp_demo_page, lang):
    found = {}
    for path in READER_PATHS:
        url = f"{demo_site.url}{path.format(lang=lang)}"
        response = hcp_demo_page.goto(url)
        # Pages without a Spanish translation answer with the 404 page, which must be
        # accessible too.
        assert response.status == 200 or (lang != "en" and response.status == 404), url
        violations = axe_violations(hcp_demo_page)
        if violations:
            found[url] = violations
    assert not found, "axe-core violations:\n" + report(found)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_gate_has_no_axe_violations(demo_site, page, lang):
    response = page.goto(f"{demo_site.url}/{lang}/articles/")
    assert response.status == 200
    assert "/hcp-confirm/" in page.url
    violations = axe_violations(page)
    assert not violations, "axe-core violations on the gate:\n" + report({page.url: violations})


def test_axe_reports_a_violation_it_should(page):
    """The harness itself works: an unlabelled image and input are reported."""
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>'
        '<img src="data:,"><input type="text"></main></body></html>'
    )
    ids = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "label"} <= ids
