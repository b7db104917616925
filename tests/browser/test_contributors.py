"""A reader in Chromium meets the article's faculty and their disclosures before its
content, at 320 px as on a desktop, and axe-core finds nothing wrong with them."""

import datetime

import pytest

from articles.models import ContributorRole
from tests.articles.factories import create_article, create_index, home_page
from tests.articles.test_contributors import create_contributor, relationship, with_contributors
from tests.browser.test_accessibility import axe_violations, report
from tests.browser.test_keyboard_and_reflow import no_horizontal_scroll


@pytest.fixture
def faculty_article(live_site):
    author = create_contributor(
        "Ingrid Halvorsen-Reyes", credentials="MD, PhD", role=ContributorRole.AUTHOR
    )
    expert = create_contributor(
        "Tobias Mwangi-Clarke",
        credentials="MBBS, FRCPath",
        role=ContributorRole.EXPERT,
        affiliation="Adult Stem Cell Transplant Unit, Eastfield Medical School, Eastfield",
        relationships=[relationship("Amgen", started_on=datetime.date(2024, 11, 1))],
        mitigation="The expert reviewed the transplant outcomes only.",
    )
    return create_article(
        create_index(home_page()),
        "Allo-HSCT in CR2 for AYAs with ALL",
        contributor_links=with_contributors(author, expert),
    )


@pytest.mark.parametrize("width", [320, 1280])
def test_reader_sees_the_faculty_and_disclosures_before_the_content(
    live_site, faculty_article, hcp_page, screenshot, width
):
    page = hcp_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_site.url}{faculty_article.url}")

    faculty = page.get_by_role("region", name="Faculty and disclosures")
    names = faculty.get_by_role("heading", level=3)
    assert names.all_inner_texts() == [
        "Ingrid Halvorsen-Reyes, MD, PhD",
        "Tobias Mwangi-Clarke, MBBS, FRCPath",
    ]
    assert faculty.get_by_text("Nothing to disclose.").is_visible()
    relationships = faculty.get_by_role("list").filter(has_text="Amgen").last
    assert relationships.get_by_role("listitem").inner_text() == (
        "Amgen: Consultancy fees (since November 2024)"
    )
    assert faculty.get_by_text("The expert reviewed the transplant outcomes only.").is_visible()
    # Before the article's content, in reading order and on screen.
    objective = page.locator(".learning-objective")
    assert faculty.bounding_box()["y"] < objective.bounding_box()["y"]
    assert page.evaluate(
        "document.querySelector('.contributors').compareDocumentPosition("
        "document.querySelector('.learning-objective')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert no_horizontal_scroll(page)
    violations = axe_violations(page)
    assert violations == [], report({faculty_article.url: violations})
    screenshot(f"article-faculty-{width}")
