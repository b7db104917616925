"""The survey and poll choosers open at the home page where surveys and polls live."""

import re

import pytest

from django.urls import reverse

from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from articles.models import ArticlePage
from surveys.models import PollPage, SurveyPage
from surveys.models.settings import SurveySettings

pytestmark = pytest.mark.usefixtures("demo_content")


def chooser_options(response, field_name):
    """The options the edit form's page chooser widget for ``field_name`` starts with."""
    html = response.content.decode()
    found = re.search(rf'new PageChooser\("id_{field_name}", (\{{.*?\}})\);', html)
    assert found, f"no page chooser for {field_name}"
    return found.group(1)


def modal_url(options):
    """The URL the chooser's script opens: its modalUrl, plus the current choice's parent."""
    url = re.search(r'"modalUrl": "([^"]+)"', options).group(1)
    parent = re.search(r'"parentId": (\d+)', options)
    return url + (f"{parent.group(1)}/" if parent else "")


def model_names(options):
    return ",".join(re.findall(r'"(surveys\.\w+)"', options))


def open_chooser(client, options):
    return client.get(modal_url(options), {"page_type": model_names(options)})


def english_home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def article_without_survey():
    article = ArticlePage.objects.filter(locale=Locale.get_default()).first()
    article.feedback_survey = None
    article.featured_poll = None
    article.save_revision()
    return article


@pytest.mark.parametrize(
    ("field_name", "model"), [("feedback_survey", SurveyPage), ("featured_poll", PollPage)]
)
def test_an_empty_chooser_opens_at_the_home_page(
    client, team, article_without_survey, field_name, model
):
    client.force_login(team["editor"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article_without_survey.pk,)))
    options = chooser_options(edit, field_name)
    assert '"parentId"' not in options

    response = open_chooser(client, options)

    assert response.status_code == 200
    assert response.context["parent_page"].pk == english_home().pk
    listed = [page.pk for page in response.context["table"].data]
    assert model.objects.get(locale=Locale.get_default()).pk in listed
    # Wagtail's own chooser starts at the first common ancestor of every language's pages
    # of the type: the root.
    wagtails = client.get(reverse("wagtailadmin_choose_page"), {"page_type": model_names(options)})
    assert wagtails.context["parent_page"].is_root()


def test_a_chosen_poll_opens_at_its_parent(client, team):
    article = ArticlePage.objects.filter(
        locale=Locale.get_default(), featured_poll__isnull=False
    ).first()
    client.force_login(team["editor"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))

    response = open_chooser(client, chooser_options(edit, "featured_poll"))

    assert response.status_code == 200
    assert response.context["parent_page"].pk == article.featured_poll.get_parent().pk


def test_the_chooser_opens_in_the_admins_language(client, team, article_without_survey):
    editor = team["editor"]
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article_without_survey.pk,)))

    response = open_chooser(client, chooser_options(edit, "feedback_survey"))

    spanish_survey = SurveyPage.objects.get(locale__language_code="es")
    assert response.context["parent_page"].pk == spanish_survey.get_parent().pk


def test_the_default_survey_setting_opens_at_the_home_page(client, team):
    site = Site.objects.get(is_default_site=True)
    SurveySettings.objects.update_or_create(site=site, defaults={"default_feedback_survey": None})
    client.force_login(team["manager"])
    edit = client.get(reverse("wagtailsettings:edit", args=("surveys", "surveysettings", site.pk)))

    response = open_chooser(client, chooser_options(edit, "default_feedback_survey"))

    assert response.context["parent_page"].pk == english_home().pk


def test_without_page_types_the_chooser_is_wagtails(client, team):
    client.force_login(team["editor"])

    response = client.get(reverse("hub_choose_page"))

    assert response.status_code == 200
    assert response.context["parent_page"].is_root()
