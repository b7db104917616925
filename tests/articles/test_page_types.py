"""Page type rules, and creating and editing articles through Wagtail's admin."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from tests.articles.factories import create_article, create_index, create_topic, home_page


def article_form_data(title="Via the admin", doi="10.1002/ajh.12345", pmid="12345678", topics=()):
    return nested_form_data(
        {
            "title": title,
            "slug": "via-the-admin",
            "date": "2025-10-24",
            "learning_objective": "Learners will be able to cite a new development.",
            "summary": "A summary.",
            "key_data": rich_text("<p>MRD positivity predicted relapse.</p>"),
            "key_learning": rich_text("<p>Risk-adapted strategies.</p>"),
            "body": streamfield([("paragraph", rich_text("<p>Body text.</p>"))]),
            "references": streamfield(
                [
                    (
                        "reference",
                        {
                            "authors": "Pasvolsky O, et al",
                            "title": "A cited study",
                            "journal": "Am J Hematol",
                            "year": "2025",
                            "volume": "",
                            "pages": "",
                            "doi": doi,
                            "pmid": pmid,
                            "url": "",
                        },
                    )
                ]
            ),
            "topic_links": inline_formset([{"topic": topic.pk} for topic in topics]),
            "contributor_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


class ArticlePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = create_index(cls.home)
        cls.topic = create_topic("MRD", slug="mrd")
        cls.article = create_article(cls.index, "An article", topics=[cls.topic])

    def setUp(self):
        self.login()

    def test_article_index_goes_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanNotCreateAt(StandardPage, ArticleIndexPage)
        self.assertCanNotCreateAt(ArticleIndexPage, ArticleIndexPage)
        self.assertCanNotCreateAt(ArticlePage, ArticleIndexPage)
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_articles_go_under_the_article_index_only(self):
        self.assertCanCreateAt(ArticleIndexPage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_one_article_index_per_home_page(self):
        self.assertFalse(ArticleIndexPage.can_create_at(self.home))

    def test_each_page_type_renders(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.article)

    def test_each_page_type_is_editable_and_previewable_in_the_admin(self):
        self.assertPageIsEditable(self.index)
        self.assertPageIsPreviewable(self.index)
        data = article_form_data(title="An article", topics=[self.topic])
        self.assertPageIsEditable(self.article, post_data=data)
        self.assertPageIsPreviewable(self.article, post_data=data)

    def test_an_editor_can_create_an_article_with_topics_and_references(self):
        # A draft: it goes live only through review (hub_site/certification).
        self.assertCanCreate(
            self.index, ArticlePage, article_form_data(topics=[self.topic]), publish=False
        )

        article = ArticlePage.objects.get(slug="via-the-admin").get_latest_revision_as_object()
        assert article.live_topics == [self.topic]
        assert article.references[0].value["doi"] == "10.1002/ajh.12345"
        assert article.locale == self.index.locale

    def test_a_pasted_doi_link_is_saved_bare(self):
        self.assertCanCreate(
            self.index,
            ArticlePage,
            article_form_data(doi="https://doi.org/10.1002/ajh.12345"),
            publish=False,
        )
        article = ArticlePage.objects.get(slug="via-the-admin")
        assert article.references[0].value["doi"] == "10.1002/ajh.12345"

    def _post_new_article(self, data):
        url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", self.index.pk])
        return self.client.post(url, {**data, "action-submit": "action-submit"})

    def test_the_admin_refuses_a_bad_doi_and_saves_nothing(self):
        pages_before = Page.objects.count()

        response = self._post_new_article(article_form_data(doi="10.12/not-a-doi"))

        assert response.status_code == 200
        assert Page.objects.count() == pages_before
        form = response.context["form"]
        assert "references" in form.errors
        assert "“10.12/not-a-doi” is not a DOI" in str(
            form.errors["references"].as_data()[0].block_errors[0].block_errors["doi"].messages
        )

    def test_the_admin_refuses_a_bad_pubmed_id_and_saves_nothing(self):
        pages_before = Page.objects.count()

        response = self._post_new_article(article_form_data(pmid="PMID 123"))

        assert response.status_code == 200
        assert Page.objects.count() == pages_before
        errors = response.context["form"].errors["references"].as_data()[0]
        assert "is not a PubMed ID" in str(errors.block_errors[0].block_errors["pmid"].messages)

    def test_the_admin_refuses_an_article_without_a_learning_objective(self):
        data = article_form_data()
        data["learning_objective"] = ""

        response = self._post_new_article(data)

        assert response.status_code == 200
        assert "learning_objective" in response.context["form"].errors

    def test_a_new_article_can_be_previewed_before_it_is_saved(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=["articles", "articlepage", self.index.pk]
        )

        posted = self.client.post(url, article_form_data(topics=[self.topic]))
        response = self.client.get(url)

        assert posted.json()["is_valid"] is True
        assert response.status_code == 200
        assert "Learning objective:" in response.text
        assert "<li>MRD</li>" in response.text
        assert "Related articles" in response.text
