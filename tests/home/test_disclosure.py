"""The disclosure sentence: generated from published funders, in each locale's grammar."""

import pytest
from bs4 import BeautifulSoup

from django.test import RequestFactory
from django.utils import translation

from wagtail.models import PageViewRestriction, Site

from home.disclosure import disclosure_sentence, footer_data, join_names
from home.models import FunderPage
from tests.publishing import publish_certified

from .conftest import SEED_GRANT

SEED_SENTENCE = (
    "The ALL Hub is an independent medical education platform, sponsored by Amgen, Autolus, "
    "Jazz Pharmaceuticals, and Pfizer and supported through an educational grant from the "
    "Hippocrate Conference Institute, an association of the Servier Group. The funders are "
    "allowed no direct influence on our content."
)
INDEPENDENT = "The ALL Hub is an independent medical education platform"
NO_INFLUENCE = "The funders are allowed no direct influence on our content."
# The seed's sponsors in level order, each with its level.
SPONSORS = [("Amgen", "Platinum"), ("Autolus", "Gold"), ("Jazz Pharmaceuticals", "Silver")]
SPONSORS.append(("Pfizer", "Bronze"))


def footer_sentence(client, url="/en/"):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("footer .funder-disclosure__sentence").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sponsor_count", "with_grant", "expected"),
    [
        (0, False, f"{INDEPENDENT}."),
        (
            0,
            True,
            f"{INDEPENDENT}, supported through an educational grant from {SEED_GRANT}. "
            f"{NO_INFLUENCE}",
        ),
        (1, False, f"{INDEPENDENT}, sponsored by Amgen. {NO_INFLUENCE}"),
        (
            1,
            True,
            f"{INDEPENDENT}, sponsored by Amgen and supported through an educational grant "
            f"from {SEED_GRANT}. {NO_INFLUENCE}",
        ),
        (2, False, f"{INDEPENDENT}, sponsored by Amgen and Autolus. {NO_INFLUENCE}"),
        (
            2,
            True,
            f"{INDEPENDENT}, sponsored by Amgen and Autolus and supported through an "
            f"educational grant from {SEED_GRANT}. {NO_INFLUENCE}",
        ),
        (
            4,
            False,
            f"{INDEPENDENT}, sponsored by Amgen, Autolus, Jazz Pharmaceuticals, and Pfizer. "
            f"{NO_INFLUENCE}",
        ),
        (4, True, SEED_SENTENCE),
    ],
)
def test_footer_discloses_the_published_funders(
    hcp_client, add_funder, sponsor_count, with_grant, expected
):
    # Added in reverse order: only the levels' ranks can put the sponsors in seed order.
    for name, level in reversed(SPONSORS[:sponsor_count]):
        add_funder(name, level)
    if with_grant:
        add_funder("Hippocrate Conference Institute", disclosure_name=SEED_GRANT)

    assert footer_sentence(hcp_client) == expected


@pytest.mark.django_db
def test_funders_page_shows_the_same_sentence(hcp_client, seed_funders, funder_index):
    response = hcp_client.get(funder_index.url)
    soup = BeautifulSoup(response.content, "html.parser")

    assert soup.select_one("main .lead").get_text() == SEED_SENTENCE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sponsor_count", "expected"),
    [
        pytest.param(
            1,
            f"{INDEPENDENT}, sponsored by Amgen and supported through educational grants from "
            f"{SEED_GRANT} and Leukaemia Education Trust. {NO_INFLUENCE}",
            id="with-a-sponsor",
        ),
        pytest.param(
            0,
            f"{INDEPENDENT}, supported through educational grants from {SEED_GRANT} and "
            f"Leukaemia Education Trust. {NO_INFLUENCE}",
            id="without-sponsors",
        ),
    ],
)
def test_two_grants_are_named_in_the_plural(hcp_client, add_funder, sponsor_count, expected):
    for name, level in SPONSORS[:sponsor_count]:
        add_funder(name, level)
    add_funder("Hippocrate Conference Institute", disclosure_name=SEED_GRANT)
    add_funder("Leukaemia Education Trust")

    assert footer_sentence(hcp_client) == expected


@pytest.mark.django_db
def test_sponsors_of_one_level_follow_page_order(hcp_client, add_funder):
    add_funder("Pfizer", "Gold")
    add_funder("Amgen", "Gold")
    add_funder("Autolus", "Platinum")

    assert footer_sentence(hcp_client) == (
        f"{INDEPENDENT}, sponsored by Autolus, Pfizer, and Amgen. {NO_INFLUENCE}"
    )


@pytest.mark.django_db
def test_drafts_and_private_funders_are_not_disclosed(hcp_client, add_funder):
    add_funder("Amgen", "Platinum")
    add_funder("Autolus", "Gold", publish=False)
    private = add_funder("Pfizer", "Bronze")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert footer_sentence(hcp_client) == f"{INDEPENDENT}, sponsored by Amgen. {NO_INFLUENCE}"


@pytest.mark.django_db
def test_unpublishing_a_funder_changes_the_next_page_served(hcp_client, seed_funders):
    assert footer_sentence(hcp_client) == SEED_SENTENCE  # now cached

    seed_funders["Autolus"].unpublish()

    assert footer_sentence(hcp_client) == SEED_SENTENCE.replace("Autolus, ", "")


@pytest.mark.django_db
def test_publishing_a_funder_changes_the_next_page_served(hcp_client, add_funder):
    for name, level in SPONSORS:
        add_funder(name, level)
    grant = add_funder("Hippocrate Conference Institute", disclosure_name=SEED_GRANT, publish=False)
    assert "educational grant" not in footer_sentence(hcp_client)

    publish_certified(grant.get_latest_revision())

    assert footer_sentence(hcp_client) == SEED_SENTENCE


@pytest.mark.django_db
def test_withdrawing_in_the_admin_changes_the_footer(hcp_client, admin_client, seed_funders):
    assert footer_sentence(hcp_client) == SEED_SENTENCE
    amgen = seed_funders["Amgen"]

    response = admin_client.post(
        f"/admin/certification/withdraw/{amgen.pk}/", {"reason": "Sponsorship ended."}
    )

    assert response.status_code == 302
    assert footer_sentence(hcp_client) == SEED_SENTENCE.replace("Amgen, ", "")


@pytest.mark.django_db
def test_deleting_a_funder_changes_the_footer(hcp_client, seed_funders):
    assert footer_sentence(hcp_client) == SEED_SENTENCE

    seed_funders["Pfizer"].delete()

    assert footer_sentence(hcp_client) == (
        f"{INDEPENDENT}, sponsored by Amgen, Autolus, and Jazz Pharmaceuticals and supported "
        f"through an educational grant from {SEED_GRANT}. {NO_INFLUENCE}"
    )


@pytest.mark.django_db
def test_reranking_a_level_reorders_the_sponsors(hcp_client, seed_funders, levels):
    assert footer_sentence(hcp_client) == SEED_SENTENCE
    levels["Platinum"].rank = 9
    levels["Platinum"].save()

    assert "sponsored by Autolus, Jazz Pharmaceuticals, Pfizer, and Amgen and" in (
        footer_sentence(hcp_client)
    )


@pytest.mark.django_db
def test_the_site_name_comes_from_the_site(hcp_client, seed_funders):
    assert footer_sentence(hcp_client) == SEED_SENTENCE
    site = Site.objects.get(is_default_site=True)
    site.site_name = "The Leukemia Hub"
    site.save()

    assert footer_sentence(hcp_client) == SEED_SENTENCE.replace("The ALL Hub", "The Leukemia Hub")


@pytest.mark.django_db
def test_a_cached_footer_costs_no_queries(seed_funders, django_assert_num_queries):
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        first = footer_data(request)
        with django_assert_num_queries(0):
            assert footer_data(request) == first
    assert first["disclosure"] == SEED_SENTENCE
    assert first["funders_url"] == "/en/funders/"


@pytest.mark.django_db
def test_untranslated_locale_discloses_the_default_funders_in_its_own_words(
    hcp_client, seed_funders
):
    assert footer_sentence(hcp_client, "/es/") == (
        "The ALL Hub es una plataforma independiente de formación médica, patrocinada por "
        "Amgen, Autolus, Jazz Pharmaceuticals y Pfizer y financiada mediante una subvención "
        f"educativa de {SEED_GRANT}. Los financiadores no tienen ninguna influencia directa "
        "sobre nuestro contenido."
    )


@pytest.mark.parametrize(
    ("language", "one", "two", "four"),
    [
        ("en", "A", "A and B", "A, B, C, and D"),
        ("es", "A", "A y B", "A, B, C y D"),
        ("fr", "A", "A et B", "A, B, C et D"),
        ("de", "A", "A und B", "A, B, C und D"),
        ("it", "A", "A e B", "A, B, C e D"),
        ("pt", "A", "A e B", "A, B, C e D"),
    ],
)
def test_lists_are_joined_in_each_locales_grammar(language, one, two, four):
    with translation.override(language):
        assert join_names(["A"]) == one
        assert join_names(["A", "B"]) == two
        assert join_names(["A", "B", "C", "D"]) == four


@pytest.mark.django_db
def test_french_grants_are_plural_from_two(add_funder):
    grants = [add_funder("Fondation A"), add_funder("Fondation B")]
    with translation.override("fr"):
        assert disclosure_sentence("Le Hub", grants[:1]) == (
            "Le Hub est une plateforme indépendante de formation médicale, soutenue par une "
            "subvention éducative de Fondation A. Les financeurs n’ont aucune influence "
            "directe sur notre contenu."
        )
        assert "soutenue par des subventions éducatives de Fondation A et Fondation B." in (
            disclosure_sentence("Le Hub", grants)
        )


@pytest.mark.django_db
def test_the_sentence_function_keeps_the_order_it_is_given(add_funder):
    funders = [add_funder("Amgen", "Platinum"), add_funder("Autolus", "Gold")]
    with translation.override("en"):
        assert disclosure_sentence("Hub", FunderPage.objects.in_disclosure_order()) == (
            f"Hub is an independent medical education platform, sponsored by Amgen and "
            f"Autolus. {NO_INFLUENCE}"
        )
        assert "sponsored by Autolus and Amgen." in disclosure_sentence("Hub", funders[::-1])
