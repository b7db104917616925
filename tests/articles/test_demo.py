import pytest

from django.core.management import call_command

from wagtail.images import get_image_model

from articles.models import ArticleIndexPage, ArticlePage
from hub_site.demo import articles as demo
from tests.articles.factories import home_page
from tests.publishing import publish_certified

SEED_SLUG = "allo-hsct-cr2-ayas-with-all-dual-center-study"
# The article's paragraphs exactly as on the seed page (shared/seed/000_1d53c3b4743fe505.txt).
SEED_PAGE_PARAGRAPHS = [
    (
        "Learning objective:\xa0After reading this article, learners will be able to cite "
        "a new clinical development in acute lymphoblastic leukemia."
    ),
    (
        "Results from a dual-center, retrospective study assessing outcomes in "
        "164\xa0adolescents and young adults (AYAs) aged 15\u201340 years with acute "
        "lymphoblastic leukemia (ALL) who underwent\xa0allogeneic hematopoietic stem cell "
        "transplantation (allo-HSCT) in second complete remission (CR2) between 2010 and "
        "2022 were recently published in the\xa0American Journal of Hematology by "
        "Pasvolsky et al."
    ),
    (
        "Key data:\xa0At median follow-up of 36 months, 3-year overall survival (OS) and "
        "progression-free survival (PFS) were 53% and 46%, respectively. The 3-year "
        "cumulative incidences of relapse and non relapse mortality (NRM) were 36% and "
        "18%, respectively. Allo-HSCT-specific comorbidity index >3 was independently "
        "associated with inferior OS, PFS, and higher NRM. Measurable residual disease "
        "(MRD) positivity predicted worse PFS (hazard ratio [HR], 2.7; 95% confidence "
        "interval [CI], 1.5\u20134.8; p\xa0<\xa00.001) and higher relapse risk (HR, 2.8; "
        "95% CI, 1.4\u20135.6; p\xa0=\xa00.004) but not OS."
    ),
    (
        "Key learning:\xa0Allo-HSCT in CR2 remains a curative option for AYA patients "
        "with ALL, with outcomes influenced by pretransplant MRD status and "
        "comorbidities, supporting the need for risk-adapted transplant strategies."
    ),
]


@pytest.fixture
def loaded(demo_content):
    # load_demo also publishes it in Spanish and French, under the same slug.
    return ArticlePage.objects.get(slug=SEED_SLUG, locale__language_code="en")


def test_demo_has_the_article_index_under_home(loaded):
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    assert index.get_parent().pk == home_page().pk
    assert index.live
    assert index.url == "/en/articles/"


def test_demo_seed_article_is_word_for_word(loaded):
    seed = loaded
    assert seed.title == "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study"
    assert seed.date.isoformat() == "2025-10-24"
    assert seed.learning_objective == (
        "After reading this article, learners will be able to cite a new clinical development "
        "in acute lymphoblastic leukemia."
    )
    assert seed.summary.startswith("Results from a dual-center, retrospective study")
    assert seed.summary.endswith("American Journal of Hematology by Pasvolsky et al.")
    assert "p\u00a0&lt;\u00a00.001" in seed.key_data
    assert seed.key_learning.startswith("<p>Allo-HSCT in CR2 remains a curative option")
    assert [topic.name for topic in seed.live_topics] == ["Transplantation", "MRD", "AYA"]
    assert seed.featured_image is not None


def test_demo_seed_text_is_the_seed_pages_word_for_word():
    labels = ["Learning objective:\xa0", "", "Key data:\xa0", "Key learning:\xa0"]
    texts = [
        demo.SEED_LEARNING_OBJECTIVE,
        demo.SEED_RESULTS,
        demo.SEED_KEY_DATA,
        demo.SEED_KEY_LEARNING,
    ]
    assert [label + text for label, text in zip(labels, texts, strict=True)] == SEED_PAGE_PARAGRAPHS


def test_demo_seed_reference_names_pasvolsky_in_the_american_journal_of_hematology(loaded):
    reference = loaded.references[0].value
    assert reference["authors"].startswith("Pasvolsky O")
    assert reference["journal"] == "American Journal of Hematology"
    assert reference["year"] == 2025
    # Not invented: left for an editor to fill in from the paper.
    assert reference["doi"] == ""
    assert reference["pmid"] == ""


def test_demo_has_five_or_more_fictional_articles_that_say_so(loaded):
    fictional = ArticlePage.objects.filter(locale=loaded.locale).exclude(pk=loaded.pk)
    assert fictional.count() >= 5
    for article in fictional:
        assert article.title.startswith("Fictional demo:")
        assert demo.FICTIONAL_NOTICE in article.summary
        assert article.live_topics


def test_demo_images_are_generated_into_the_demo_collection(loaded):
    titles = [title for title, _label, _colour in demo.PLACEHOLDERS.values()]
    images = get_image_model().objects.filter(collection__name="Demo", title__in=titles)
    assert images.count() == len(demo.PLACEHOLDERS)
    for image in images:
        assert (image.width, image.height) == demo.PLACEHOLDER_SIZE


def test_demo_index_shows_pagination_filtering_and_related(hcp_client, loaded):
    listing = hcp_client.get("/en/articles/")
    filtered = hcp_client.get("/en/articles/", {"topic": "aya"})
    article = hcp_client.get(loaded.url)

    assert 'rel="next"' in listing.text
    assert len(listing.context["topics"]) == len(demo.TOPICS)
    assert 0 < len(filtered.context["articles"]) < ArticlePage.objects.count()
    assert article.context["related_articles"]


def test_demo_restores_a_changed_article_with_one_new_revision(loaded, tmp_path):
    loaded.summary = "Changed by hand."
    publish_certified(loaded.save_revision())
    revisions = loaded.revisions.count()

    call_command("load_demo", stdout=open(tmp_path / "again.txt", "w"))  # noqa: SIM115

    assert ArticlePage.objects.get(pk=loaded.pk).summary == demo.SEED_RESULTS
    # The article's own revisions (its Spanish and French translations are synced from
    # the restored article: its topic links and blocks are new objects).
    assert loaded.revisions.count() == revisions + 1
