"""Page type rules and rendering of every home page type, with Wagtail's test assertions."""

import pytest

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from articles.models import ArticleIndexPage
from home.models import (
    FunderIndexPage,
    FunderPage,
    FundingType,
    HomePage,
    SponsorshipLevel,
    StandardPage,
    SupportPage,
)
from surveys.models import PollPage, QuizPage, SurveyPage

PAGE_TYPES = [HomePage, StandardPage, FunderIndexPage, FunderPage, SupportPage]


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for page_type in PAGE_TYPES:
            self.assertCanNotCreateAt(page_type, HomePage)

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ArticleIndexPage,
                StandardPage,
                FunderIndexPage,
                SupportPage,
                SurveyPage,
                PollPage,
                QuizPage,
            },
        )
        self.assertCanNotCreateAt(HomePage, FunderPage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(FunderIndexPage, StandardPage)

    def test_funders_live_under_the_funders_index_only(self):
        self.assertAllowedSubpageTypes(FunderIndexPage, {FunderPage})
        self.assertAllowedParentPageTypes(FunderPage, {FunderIndexPage})
        self.assertAllowedParentPageTypes(FunderIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FunderPage, set())
        self.assertCanNotCreateAt(StandardPage, FunderPage)
        self.assertCanNotCreateAt(StandardPage, FunderIndexPage)

    def test_support_page_lives_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(SupportPage, {HomePage})
        self.assertAllowedSubpageTypes(SupportPage, set())
        self.assertCanNotCreateAt(StandardPage, SupportPage)


class EditorTests(WagtailPageTestCase):
    """What editors can create through Wagtail's admin."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
        cls.index = FunderIndexPage(title="Funders", slug="funders")
        cls.home.add_child(instance=cls.index)
        cls.level = SponsorshipLevel.objects.create(locale=cls.home.locale, name="Gold", rank=1)

    def setUp(self):
        self.login()

    def test_editor_creates_a_sponsor(self):
        self.assertCanCreate(
            self.index,
            FunderPage,
            nested_form_data(
                {
                    "title": "Amgen",
                    "slug": "amgen",
                    "funding_type": FundingType.SPONSOR,
                    "level": self.level.pk,
                    "website": "https://www.amgen.com/",
                    "short_description": "A biotechnology company.",
                }
            ),
            publish=False,
        )

    def test_editor_is_told_a_sponsor_needs_a_level(self):
        response = self.client.post(
            f"/admin/pages/add/home/funderpage/{self.index.pk}/",
            nested_form_data(
                {"title": "Amgen", "slug": "amgen", "funding_type": FundingType.SPONSOR}
            ),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose the sponsorship level of this sponsor.")
        self.assertFalse(FunderPage.objects.exists())

    def test_one_funders_index_per_home_page(self):
        self.assertFalse(FunderIndexPage.can_create_at(self.home))
        self.assertTrue(SupportPage.can_create_at(self.home))

    def test_editor_creates_a_support_page(self):
        self.assertCanCreate(
            self.home,
            SupportPage,
            nested_form_data(
                {
                    "title": "Support",
                    "slug": "support",
                    "intro": rich_text("<p>Support us.</p>"),
                    "thank_you_text": rich_text("<p>Thank you.</p>"),
                    "to_address": "editors@example.com",
                    "from_address": "",
                    "subject": "New submission",
                }
            ),
            publish=False,
        )


class PreviewTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_one_page_of_each_type()

    def test_each_page_type_previews(self):
        for page in self.pages.values():
            with self.subTest(page=page.title):
                self.assertPageIsPreviewable(page)

    def test_support_page_previews_its_landing_page(self):
        self.assertPageIsPreviewable(self.pages["support"], mode="landing")


def build_one_page_of_each_type():
    home = HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
    level = SponsorshipLevel.objects.create(locale=home.locale, name="Gold", rank=1)
    index = home.add_child(instance=FunderIndexPage(title="Funders", slug="funders"))
    return {
        "home": home,
        "standard": home.add_child(
            instance=StandardPage(title="About", slug="about", body="<p>About us.</p>")
        ),
        "funder index": index,
        "funder": index.add_child(instance=FunderPage(title="Amgen", slug="amgen", level=level)),
        "support": home.add_child(
            instance=SupportPage(title="Support", slug="support", to_address="a@example.com")
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", ["home", "standard", "funder index", "funder", "support"])
def test_each_page_type_renders_for_readers(hcp_client, page_type):
    page = build_one_page_of_each_type()[page_type]

    response = hcp_client.get(page.url)

    assert response.status_code == 200
    assert response.context["page"].specific == page
    assert f"<h1>{page.title}</h1>" in response.text
