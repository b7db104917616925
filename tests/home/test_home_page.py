"""The home page's call to action and what syncs when pages are translated."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from home.models import FunderPage, HomePage, SponsorshipLevel, SupportPage
from tests.publishing import publish_certified

from .conftest import publish_child


@pytest.fixture
def support_page(home):
    return publish_child(home, SupportPage(title="Support", slug="support"))


def call_to_action(client):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    return soup.select_one(".support-cta")


@pytest.mark.django_db
def test_call_to_action_links_to_the_support_page(hcp_client, home, support_page):
    home.support_heading = "Support us"
    home.support_text = "Your contribution helps."
    home.support_page = support_page
    publish_certified(home.save_revision())

    cta = call_to_action(hcp_client)

    assert cta.h2.get_text() == "Support us"
    assert cta.find("a", string="Find out more")["href"] == support_page.url


@pytest.mark.django_db
def test_call_to_action_has_no_link_while_the_support_page_is_unpublished(
    hcp_client, home, support_page
):
    home.support_heading = "Support us"
    home.support_page = support_page
    publish_certified(home.save_revision())
    support_page.unpublish()

    cta = call_to_action(hcp_client)

    assert cta.h2.get_text() == "Support us"
    assert cta.find("a") is None


@pytest.mark.django_db
def test_no_call_to_action_without_a_heading(hcp_client, home):
    assert call_to_action(hcp_client) is None


@pytest.mark.django_db
def test_translating_a_funder_translates_its_level_and_syncs_the_rest(
    add_funder, funder_index, home
):
    spanish = Locale.objects.get(language_code="es")
    funder = add_funder("Amgen", "Gold", logo=True, website="https://www.amgen.com/")
    translate_object(home, [spanish])
    translate_object(funder_index, [spanish])

    translate_object(funder, [spanish])

    translated = FunderPage.objects.get(locale=spanish)
    assert translated.translation_key == funder.translation_key
    assert translated.level.locale == spanish
    assert translated.level.translation_key == funder.level.translation_key
    assert translated.level.rank == funder.level.rank
    assert (translated.website, translated.logo_id, translated.funding_type) == (
        funder.website,
        funder.logo_id,
        funder.funding_type,
    )
    assert translated.get_parent().specific.locale == spanish
    assert SponsorshipLevel.objects.filter(locale=spanish).count() == 1
    assert HomePage.objects.filter(locale=spanish).exists()


@pytest.mark.django_db
def test_a_translated_locale_discloses_its_own_published_funders(
    hcp_client, add_funder, funder_index, home
):
    spanish = Locale.objects.get(language_code="es")
    funders = [add_funder("Amgen", "Platinum"), add_funder("Autolus", "Gold")]
    for page in [home, funder_index, *funders]:
        translate_object(page, [spanish])
        # Untranslated strings leave the translation a draft until a translator publishes it.
        publish_certified(page.get_translation(spanish).save_revision())

    FunderPage.objects.get(locale=spanish, title="Autolus").unpublish()

    def sentence(url):
        soup = BeautifulSoup(hcp_client.get(url).content, "html.parser")
        return soup.select_one(".funder-disclosure__sentence").get_text()

    assert "patrocinada por Amgen. " in sentence("/es/")
    assert "sponsored by Amgen and Autolus. " in sentence("/en/")
    soup = BeautifulSoup(hcp_client.get("/es/").content, "html.parser")
    assert soup.find("a", string="Ver financiadores")["href"] == "/es/funders/"
