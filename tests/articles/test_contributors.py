"""Contributors and their disclosures: the model's rules, the admin's form, what readers
see before the article, in their language, at a fixed number of queries."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import (
    Translation,
    TranslationSource,
)

from articles.models import ArticlePageContributor, Contributor, ContributorRole
from articles.models.contributor import (
    DisclosureState,
    FinancialRelationship,
    company_key,
)
from home.models import FunderIndexPage, FunderPage, FundingType
from hub_site.workflows import roles
from tests.articles.factories import create_article, home_page
from tests.articles.test_page_types import article_form_data
from tests.caches import empty_caches
from tests.localize import translate_segments
from tests.publishing import publish_certified

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONTHS_AGO = TODAY - datetime.timedelta(days=60)
MITIGATION = "Reviewed independently by the medical reviewer."


def relationship(company="Amgen", nature="Consultancy fees", funder=None, **dates):
    return FinancialRelationship(
        company=company,
        nature=nature,
        funder=funder,
        started_on=dates.get("started_on", TODAY - datetime.timedelta(days=300)),
        ended_on=dates.get("ended_on"),
    )


def create_contributor(
    name="Ana Ruiz",
    credentials="MD",
    relationships=(),
    nothing_to_disclose=None,
    confirmed_on=MONTHS_AGO,
    **fields,
):
    """A default-language contributor; nothing to disclose unless relationships are given."""
    contributor = Contributor(
        name=name,
        credentials=credentials,
        affiliation=fields.pop("affiliation", "Department of Haematology, City Hospital"),
        nothing_to_disclose=(
            not relationships if nothing_to_disclose is None else nothing_to_disclose
        ),
        disclosure_confirmed_on=confirmed_on,
        mitigation=fields.pop("mitigation", MITIGATION if relationships else ""),
        **fields,
    )
    contributor.relationships = list(relationships)
    contributor.save()
    return contributor


def with_contributors(*contributors):
    return [
        ArticlePageContributor(contributor=contributor, sort_order=order)
        for order, contributor in enumerate(contributors)
    ]


def create_funder(title, disclosure_name=""):
    index = FunderIndexPage.objects.first()
    if index is None:
        index = home_page().add_child(instance=FunderIndexPage(title="Funders", slug="funders"))
    funder = FunderPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        funding_type=FundingType.EDUCATIONAL_GRANT,
        disclosure_name=disclosure_name,
    )
    index.add_child(instance=funder)
    return funder


# The model's rules.


def test_a_disclosure_is_current_with_a_confirmed_date_and_one_of_its_two_forms(db):
    assert create_contributor().disclosure_state() == DisclosureState.CURRENT
    assert (
        create_contributor("B", relationships=[relationship()]).disclosure_state()
        == DisclosureState.CURRENT
    )
    assert create_contributor("C").disclosure_problem() is None


def test_a_contributor_without_a_disclosure_has_a_problem(db):
    undated = create_contributor("Ana Ruiz", confirmed_on=None)
    empty = create_contributor("Ben Ode", nothing_to_disclose=False)
    for contributor in (undated, empty):
        assert contributor.disclosure_state() == DisclosureState.MISSING
    assert undated.disclosure_problem() == (
        "Ana Ruiz, MD has no disclosure: tick “Nothing to disclose” or list their financial "
        "relationships, and enter the date they last confirmed it."
    )


def test_a_disclosure_older_than_12_months_is_out_of_date(db):
    confirmed_on = datetime.date(2024, 3, 1)
    contributor = create_contributor(confirmed_on=confirmed_on)
    assert contributor.disclosure_state(today=datetime.date(2025, 3, 1)) == (
        DisclosureState.CURRENT
    )
    assert contributor.disclosure_state(today=datetime.date(2025, 3, 2)) == (
        DisclosureState.OUT_OF_DATE
    )
    assert (
        f"last confirmed on {date_format(confirmed_on)}, more than 12 months ago"
        in contributor.disclosure_problem(today=datetime.date(2025, 3, 2))
    )


def test_nothing_to_disclose_with_relationships_contradicts_itself(db):
    contributor = create_contributor(relationships=[relationship()], nothing_to_disclose=True)
    assert contributor.disclosure_state() == DisclosureState.CONTRADICTORY
    assert "says “Nothing to disclose” and also lists" in contributor.disclosure_problem()


def test_a_disclosure_cannot_be_confirmed_in_the_future(db):
    contributor = Contributor(name="Ana", disclosure_confirmed_on=TODAY + datetime.timedelta(1))
    with pytest.raises(ValidationError) as refused:
        contributor.full_clean()
    assert "disclosure_confirmed_on" in refused.value.message_dict


def test_a_relationship_cannot_end_before_it_started(db):
    contributor = create_contributor()
    ended_early = relationship(
        started_on=datetime.date(2025, 5, 1), ended_on=datetime.date(2025, 4, 1)
    )
    ended_early.contributor = contributor
    with pytest.raises(ValidationError) as refused:
        ended_early.full_clean()
    assert refused.value.message_dict["ended_on"] == [
        "A relationship cannot end before it started."
    ]


@pytest.mark.parametrize(
    ("company", "key"),
    [
        ("Amgen", "amgen"),
        ("AMGEN Inc.", "amgen"),
        ("Amgen GmbH", "amgen"),
        ("The Amgen Co., Ltd.", "amgen"),
        ("Jazz Pharmaceuticals plc", "jazz pharmaceuticals"),
        ("Servier Group", "servier"),
        ("Hoffmann-La Roche AG", "hoffmann la roche"),
        ("Amgen Europe B.V.", "amgen europe"),
        ("Laboratoires Léo S.A.", "laboratoires leo"),
    ],
)
def test_company_names_are_compared_without_case_punctuation_or_suffixes(company, key):
    assert company_key(company) == key


def test_a_relationship_names_a_funder_by_link_by_translation_or_by_name(db):
    amgen = create_funder("Amgen")
    institute = create_funder(
        "Hippocrate Conference Institute",
        disclosure_name="the Hippocrate Conference Institute, an association of the Servier Group",
    )
    spanish_amgen = amgen.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True
    )

    assert relationship("Amgen Inc.").names_funder(amgen)
    assert relationship("A. Company", funder=amgen).names_funder(amgen)
    assert relationship("A. Company", funder=spanish_amgen).names_funder(amgen)
    assert relationship("Hippocrate Conference Institute Ltd").names_funder(institute)
    assert not relationship("Amgen Europe B.V.").names_funder(amgen)
    assert not relationship("Servier").names_funder(institute)
    assert not relationship("Pfizer", funder=institute).names_funder(amgen)


# The admin.


def contributor_form(relationships=(), **fields):
    data = {
        "name": "Ana Ruiz",
        "credentials": "MD",
        "affiliation": "City Hospital",
        "role": ContributorRole.AUTHOR,
        "disclosure_confirmed_on": MONTHS_AGO.isoformat(),
        "mitigation": "",
        "relationships": inline_formset(list(relationships)),
    }
    data.update(fields)
    # An unticked checkbox is not posted.
    if not data.get("nothing_to_disclose"):
        data.pop("nothing_to_disclose", None)
    return nested_form_data(data)


def relationship_form(company="Amgen", started_on="2025-01-01", ended_on=""):
    return {
        "company": company,
        "funder": "",
        "nature": "Consultancy fees",
        "started_on": started_on,
        "ended_on": ended_on,
    }


def dated_disclosure_form(started_on, ended_on):
    """A disclosure of one relationship, which ran between these dates, and its mitigation."""
    return contributor_form(
        [relationship_form(started_on=started_on, ended_on=ended_on)],
        nothing_to_disclose=False,
        mitigation="M.",
    )


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="editor-pass-1234")
    editor.groups.set(Group.objects.filter(name=roles.EDITORS))
    client.force_login(editor)
    return client


ADD_URL = reverse("wagtailsnippets_articles_contributor:add")


def test_editors_add_a_contributor_with_their_disclosure(editor_client):
    response = editor_client.post(
        ADD_URL,
        contributor_form([relationship_form()], nothing_to_disclose=False, mitigation=MITIGATION),
    )
    assert response.status_code == 302, response.context["form"].errors
    contributor = Contributor.objects.get(name="Ana Ruiz")
    assert [str(r) for r in contributor.relationships.all()] == ["Amgen: Consultancy fees"]
    assert contributor.disclosure_problem() is None

    listing = editor_client.get(reverse("wagtailsnippets_articles_contributor:list"))
    assert listing.status_code == 200
    assert "Ana Ruiz" in listing.text
    assert "Confirmed" in listing.text
    assert (
        editor_client.get(
            reverse("wagtailsnippets_articles_contributor:list"), {"q": "Nobody"}
        ).text.count("Ana Ruiz")
        == 0
    )


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            contributor_form([relationship_form()], nothing_to_disclose=True, mitigation="M."),
            "nothing_to_disclose",
            "A disclosure either says “Nothing to disclose” or lists relationships",
        ),
        (
            contributor_form([relationship_form()], nothing_to_disclose=False),
            "mitigation",
            "Say how the relationships were kept from influencing the content",
        ),
        (
            dated_disclosure_form("2019-01-01", "2020-01-01"),
            None,
            "ended more than 24 months before the disclosure was confirmed",
        ),
        (
            dated_disclosure_form("2025-05-01", "2025-04-01"),
            None,
            "A relationship cannot end before it started.",
        ),
    ],
    ids=["both-forms", "no-mitigation", "out-of-scope", "ends-before-start"],
)
def test_the_admin_refuses_a_disclosure_at_odds_with_itself(editor_client, form, field, message):
    response = editor_client.post(ADD_URL, form)
    assert response.status_code == 200
    assert message in response.text
    if field:
        assert field in response.context["form"].errors
    assert not Contributor.objects.exists()


def test_editors_manage_funded_programmes(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_articles_programme:add"),
        {"name": "Education grant 2026", "grant_reference": "G-1"},
    )
    assert response.status_code == 302
    listing = editor_client.get(reverse("wagtailsnippets_articles_programme:list"), {"q": "G-1"})
    assert "Education grant 2026" in listing.text


# What readers see.


def test_readers_see_the_faculty_and_their_disclosures_before_the_article(
    hcp_client, article_index
):
    author = create_contributor("Ana Ruiz", credentials="MD, PhD", role=ContributorRole.AUTHOR)
    expert = create_contributor(
        "Ben Ode",
        credentials="FRCPath",
        role=ContributorRole.EXPERT,
        relationships=[
            relationship(
                "Amgen",
                "Consultancy fees",
                started_on=datetime.date(2024, 11, 5),
                ended_on=datetime.date(2025, 6, 30),
            ),
            relationship("Pfizer", "Speaker's bureau", started_on=datetime.date(2025, 2, 1)),
        ],
        mitigation="Ben Ode did not review the treatment recommendations.",
    )
    article = create_article(
        article_index, "With faculty", contributor_links=with_contributors(author, expert)
    )

    html = hcp_client.get(article.url).text

    section = html[html.index('<section class="contributors"') : html.index("</section>")]
    assert html.index("Faculty and disclosures") < html.index("Learning objective:")
    assert '<h2 id="contributors-heading">Faculty and disclosures</h2>' in section
    assert "<h3" in section and "Ana Ruiz, MD, PhD</h3>" in section
    assert section.index("Ana Ruiz") < section.index("Ben Ode")
    assert "Author" in section and "Expert" in section
    assert "Department of Haematology, City Hospital" in section
    assert "Nothing to disclose." in section
    assert "Amgen: Consultancy fees" in section
    assert "November 2024 to June 2025" in section
    assert "Speaker&#x27;s bureau" in section and "since February 2025" in section
    assert "Mitigation:</strong> Ben Ode did not review the treatment recommendations." in section
    assert section.count("Mitigation:") == 1
    assert "Disclosure confirmed on" in section


def test_an_article_without_contributors_has_no_faculty_section(hcp_client, article_index):
    article = create_article(article_index, "Without faculty")
    assert "Faculty and disclosures" not in hcp_client.get(article.url).text


def test_a_new_article_previewed_before_it_is_saved_shows_its_faculty(admin_client, article_index):
    """Its links are in memory only: each contributor is read on its own."""
    expert = create_contributor("Ben Ode", relationships=[relationship("Amgen")])
    data = article_form_data()
    data.update(
        nested_form_data({"contributor_links": inline_formset([{"contributor": expert.pk}])})
    )
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["articles", "articlepage", article_index.pk]
    )

    assert admin_client.post(url, data).json()["is_valid"] is True
    html = admin_client.get(url).text
    assert "Ben Ode, MD</h3>" in html
    assert "Amgen: Consultancy fees" in html


def translate_into(instance, locale, strings):
    """A translator's translation of ``instance`` through wagtail-localize."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    translate_segments(source, locale, lambda segment: strings[segment.string.data])
    translated, _created = source.create_or_update_translation(locale)
    return translated


def test_readers_see_the_contributor_in_their_language(hcp_client, spanish_index):
    spanish = Locale.objects.get(language_code="es")
    expert = create_contributor(
        "Ben Ode",
        relationships=[relationship("Amgen", "Consultancy fees")],
        affiliation="Transplant Unit, City Hospital",
        mitigation="He did not review the recommendations.",
    )
    translated = translate_into(
        expert,
        spanish,
        {
            "Transplant Unit, City Hospital": "Unidad de Trasplante, Hospital Municipal",
            "Consultancy fees": "Honorarios de consultoría",
            "He did not review the recommendations.": "No revisó las recomendaciones.",
        },
    )
    # Names, credentials and the disclosure's dates are the same in every language.
    assert (translated.name, translated.credentials, translated.disclosure_confirmed_on) == (
        expert.name,
        expert.credentials,
        expert.disclosure_confirmed_on,
    )
    article = create_article(
        spanish_index, "Con profesorado", contributor_links=with_contributors(translated)
    )

    html = hcp_client.get(article.url).text

    assert "Unidad de Trasplante, Hospital Municipal" in html
    assert "Amgen: Honorarios de consultoría" in html
    assert "No revisó las recomendaciones." in html
    assert "Transplant Unit" not in html


def article_queries(client, url):
    assert client.get(url).status_code == 200
    empty_caches()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_article_page_costs_the_same_however_many_contributors_it_shows(
    hcp_client, article_index
):
    article = create_article(
        article_index,
        "Counted",
        contributor_links=with_contributors(
            create_contributor("One", relationships=[relationship()])
        ),
    )
    few, _response = article_queries(hcp_client, article.url)

    article.contributor_links = with_contributors(
        *(
            create_contributor(
                f"Contributor {number}",
                relationships=[relationship(f"Company {n}") for n in range(3)],
            )
            for number in range(5)
        )
    )
    publish_certified(article.save_revision())
    many, response = article_queries(hcp_client, article.url)

    assert response.text.count('class="contributor"') == 5
    assert response.text.count("Consultancy fees") == 15
    assert many == few
