"""Funder pages, the funders index, the home page's funders strip and their rules."""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from home.models import FunderPage, FundingType, SponsorshipLevel
from tests.caches import empty_caches

# Queries for a page of either kind with every cache empty (the footer's disclosure too),
# measured; what matters most is that it does not grow with the number of funders.
QUERY_CEILING = {
    # The funders strip, the (empty) article and poll lists, the gate, the footer, the
    # page's certificate.
    "/en/": 18,
    "/en/funders/": 17,
}


def headings(response, selector):
    soup = BeautifulSoup(response.content, "html.parser")
    return [element.get_text(strip=True) for element in soup.select(selector)]


@pytest.mark.django_db
def test_funders_index_groups_funders_by_level_in_rank_order(
    hcp_client, seed_funders, funder_index
):
    response = hcp_client.get(funder_index.url)

    assert response.status_code == 200
    assert headings(response, "main h2") == [
        "Platinum",
        "Gold",
        "Silver",
        "Bronze",
        "Educational grants",
    ]
    assert headings(response, "main h3") == [
        "Amgen",
        "Autolus",
        "Jazz Pharmaceuticals",
        "Pfizer",
        "Hippocrate Conference Institute",
    ]
    assert "The levels of sponsorship listed are reflective of the amount of funding given." in (
        response.text
    )


@pytest.mark.django_db
def test_funders_index_leaves_out_unpublished_funders(hcp_client, add_funder, funder_index):
    add_funder("Amgen", "Platinum")
    add_funder("Autolus", "Gold", publish=False)

    response = hcp_client.get(funder_index.url)

    assert headings(response, "main h3") == ["Amgen"]
    assert headings(response, "main h2") == ["Platinum"]


@pytest.mark.django_db
def test_funder_page_renders_its_details(hcp_client, add_funder):
    funder = add_funder(
        "Amgen",
        "Platinum",
        logo=True,
        website="https://www.amgen.com/",
        short_description="A biotechnology company.",
    )

    response = hcp_client.get(funder.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Amgen"
    assert "Sponsor, level: Platinum" in response.text
    assert soup.select_one('a[href="https://www.amgen.com/"]').get_text() == "Amgen website"
    assert soup.select_one("img.funder-logo") is not None


@pytest.mark.django_db
def test_home_page_shows_the_funders_strip_by_level(hcp_client, seed_funders, home):
    response = hcp_client.get("/en/")

    soup = BeautifulSoup(response.content, "html.parser")
    strip = soup.select_one(".funders-strip")
    assert [h.get_text() for h in strip.select("h3")] == [
        "Platinum",
        "Gold",
        "Silver",
        "Bronze",
        "Educational grants",
    ]
    in_level_order = ["Amgen", "Autolus", "Jazz Pharmaceuticals", "Pfizer"]
    in_level_order.append("Hippocrate Conference Institute")
    assert [a["href"] for a in strip.select("li a")] == [
        seed_funders[name].url for name in in_level_order
    ]
    assert strip.find("a", string="View funders")["href"] == "/en/funders/"


def _queries_for(client, url):
    client.get(url)  # creates the logo renditions
    empty_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/en/funders/"])
def test_query_count_stays_flat_as_funders_are_added(hcp_client, add_funder, url):
    add_funder("Amgen", "Platinum", logo=True)
    add_funder("Hippocrate Conference Institute", logo=True)
    with_two = _queries_for(hcp_client, url)

    for index, level in enumerate(["Gold", "Silver", "Bronze", "Gold", "Silver", "Bronze"]):
        add_funder(f"Sponsor {index}", level, logo=True)
    add_funder("Another grant", logo=True)
    with_nine = _queries_for(hcp_client, url)

    assert with_nine == with_two
    assert with_nine <= QUERY_CEILING[url], with_nine


@pytest.mark.django_db
def test_a_sponsor_needs_a_level(funder_index):
    funder = FunderPage(title="Amgen", slug="amgen", funding_type=FundingType.SPONSOR)

    with pytest.raises(ValidationError) as error:
        funder_index.add_child(instance=funder)

    assert error.value.message_dict["level"] == ["Choose the sponsorship level of this sponsor."]
    assert not FunderPage.objects.exists()


@pytest.mark.django_db
def test_a_grant_has_no_level(funder_index, levels):
    funder = FunderPage(
        title="Institute",
        slug="institute",
        funding_type=FundingType.EDUCATIONAL_GRANT,
        level=levels["Gold"],
    )

    with pytest.raises(ValidationError) as error:
        funder_index.add_child(instance=funder)

    assert "Educational grants have no sponsorship level" in error.value.message_dict["level"][0]


@pytest.mark.django_db
def test_a_sponsor_level_must_be_in_the_pages_language(funder_index):
    spanish = SponsorshipLevel.objects.create(
        locale=Locale.objects.get(language_code="es"), name="Oro", rank=1
    )
    funder = FunderPage(
        title="Amgen", slug="amgen", funding_type=FundingType.SPONSOR, level=spanish
    )

    with pytest.raises(ValidationError) as error:
        funder_index.add_child(instance=funder)

    assert error.value.message_dict["level"] == [
        "Choose a sponsorship level in the same language as this page."
    ]


@pytest.mark.django_db
def test_two_levels_cannot_share_a_rank_in_one_language(levels, home):
    duplicate = SponsorshipLevel(locale=home.locale, name="Diamond", rank=1)

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "rank" in error.value.message_dict
    spanish = SponsorshipLevel(locale=Locale.objects.get(language_code="es"), name="Oro", rank=1)
    spanish.full_clean()


@pytest.mark.django_db
def test_a_level_in_use_cannot_be_deleted_in_the_admin(admin_client, add_funder, levels):
    add_funder("Amgen", "Platinum")
    delete_url = "/admin/snippets/home/sponsorshiplevel/delete/{}/"

    in_use = admin_client.get(delete_url.format(levels["Platinum"].pk))
    admin_client.post(delete_url.format(levels["Platinum"].pk))
    unused = admin_client.get(delete_url.format(levels["Gold"].pk))

    assert in_use.context["is_protected"] is True
    assert "Yes, delete" not in in_use.text
    assert SponsorshipLevel.objects.filter(pk=levels["Platinum"].pk).exists()
    assert "Yes, delete" in unused.text
