"""The demo content: the seed's funders, pages and call to action."""

import pytest
from bs4 import BeautifulSoup

from wagtail.images import get_image_model

from home.models import FunderPage, HomePage, SponsorshipLevel, StandardPage, SupportPage

from .test_disclosure import SEED_SENTENCE

SEED_CTA_HEADING = "Now you can support HCPs in making informed decisions for their patients"
SEED_CTA_TEXT = (
    "Your contribution helps us continuously deliver expertly curated content to HCPs "
    "worldwide. You will also have the opportunity to make a content suggestion for "
    "consideration and receive updates on the impact contributions are making to our content."
)


@pytest.mark.usefixtures("demo_content")
def test_demo_has_the_seeds_five_funders_in_level_order():
    # load_demo publishes them in Spanish and French too: the English ones here.
    funders = FunderPage.objects.live().filter(locale__language_code="en").in_disclosure_order()

    assert [(f.title, f.level.name if f.level else None) for f in funders] == [
        ("Amgen", "Platinum"),
        ("Autolus", "Gold"),
        ("Jazz Pharmaceuticals", "Silver"),
        ("Pfizer", "Bronze"),
        ("Hippocrate Conference Institute", None),
    ]
    levels = SponsorshipLevel.objects.filter(locale__language_code="en")
    assert list(levels.values_list("name", "rank")) == [
        ("Platinum", 1),
        ("Gold", 2),
        ("Silver", 3),
        ("Bronze", 4),
    ]


@pytest.mark.usefixtures("demo_content")
def test_demo_logos_are_generated_images_in_the_demo_collection():
    logos = get_image_model().objects.filter(collection__name="Demo", title__endswith=" logo")

    assert logos.count() == 5
    assert all(funder.logo in logos for funder in FunderPage.objects.all())
    assert all(logo.width == 480 and logo.height == 240 for logo in logos)


@pytest.mark.usefixtures("demo_content")
def test_demo_footer_reads_exactly_as_the_seed(hcp_client):
    response = hcp_client.get("/en/about/")

    soup = BeautifulSoup(response.content, "html.parser")
    footer = soup.select_one("footer .funder-disclosure")
    assert footer.select_one(".funder-disclosure__sentence").get_text() == SEED_SENTENCE
    assert footer.get_text() == (
        f"{SEED_SENTENCE} The levels of sponsorship listed are reflective of the amount of "
        "funding given. View funders"
    )
    assert footer.find("a", string="View funders")["href"] == "/en/funders/"
    assert [a.get_text() for a in soup.select("footer nav a")] == [
        "About",
        "Privacy",
        "Cookies",
        "Support",
    ]


@pytest.mark.usefixtures("demo_content")
def test_demo_home_page_has_the_seeds_call_to_action(hcp_client):
    response = hcp_client.get("/en/")

    soup = BeautifulSoup(response.content, "html.parser")
    cta = soup.select_one(".support-cta")
    assert cta.h2.get_text() == SEED_CTA_HEADING
    assert cta.p.get_text() == SEED_CTA_TEXT
    link = cta.find("a", string="Find out more")
    assert link["href"] == "/en/support/"
    assert hcp_client.get(link["href"]).status_code == 200


@pytest.mark.usefixtures("demo_content")
def test_demo_pages_and_who_may_see_them():
    pages = {page.slug: page for page in StandardPage.objects.live()}

    assert {slug: page.open_to_public for slug, page in pages.items()} == {
        "about": False,
        "privacy": True,
        "cookies": True,
    }
    support = SupportPage.objects.live().get(slug="support")
    assert support.to_address
    home = HomePage.objects.get(pk=support.get_parent().pk)
    assert home.support_page_id == support.pk
