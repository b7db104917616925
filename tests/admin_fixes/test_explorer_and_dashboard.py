"""The page explorer leads to the articles; the dashboard has no always-empty column."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Locale

from articles.models import ArticleIndexPage, ArticlePage

pytestmark = pytest.mark.usefixtures("demo_content")


@pytest.fixture
def index():
    return ArticleIndexPage.objects.get(locale=Locale.get_default())


def listing_buttons(response, label):
    """The hrefs of the top-level buttons named ``label`` in a page listing's rows."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        link["href"]
        for link in soup.select("ul.actions > li > a.button")
        if link.get_text(strip=True) == label
    ]


def test_the_home_listing_links_to_the_list_of_articles(client, team, index):
    client.force_login(team["editor"])

    home = client.get(reverse("wagtailadmin_explore", args=(index.get_parent().pk,)))

    # Wagtail links the title to the edit form (and the arrow at the row's end to the
    # children); the button beside the title says where the articles are.
    edit = reverse("wagtailadmin_pages:edit", args=(index.pk,))
    assert f'href="{edit}" title="Edit this page"' in home.content.decode()
    # One: no other page of the listing gets it.
    assert listing_buttons(home, "Articles") == [reverse("wagtailadmin_explore", args=(index.pk,))]


def test_the_list_of_articles_lists_them(client, team, index):
    client.force_login(team["editor"])

    listing = client.get(reverse("wagtailadmin_explore", args=(index.pk,)))

    assert listing.status_code == 200
    listed = {page.pk for page in listing.context["pages"]}
    assert listed == set(ArticlePage.objects.child_of(index).values_list("pk", flat=True))


def test_the_index_editor_has_an_articles_button(client, team, index):
    client.force_login(team["editor"])

    edit = client.get(reverse("wagtailadmin_pages:edit", args=(index.pk,)))

    assert f'href="{reverse("wagtailadmin_explore", args=(index.pk,))}"' in edit.content.decode()


def test_the_sidebar_explorer_shows_the_articles_as_children(client, team, index):
    client.force_login(team["editor"])

    response = client.get(
        f"{reverse('wagtailadmin_home')}api/main/pages/",
        {"child_of": index.get_parent().pk, "for_explorer": "1"},
    )

    item = next(item for item in response.json()["items"] if item["id"] == index.pk)
    assert item["meta"]["children"]["count"] == ArticlePage.objects.child_of(index).count()


def test_the_dashboard_has_no_privacy_and_access_column(client, team):
    editor = team["editor"]
    article = ArticlePage.objects.filter(locale=Locale.get_default()).first()
    # What Wagtail's "Your most recent edits" lists: pages with the user's logged edits.
    article.save_revision(user=editor, log_action=True)
    client.force_login(editor)

    dashboard = client.get(reverse("wagtailadmin_home"))

    html = dashboard.content.decode()
    assert "Privacy and access" not in html
    assert 'id="recent-edits' not in html
    # The editor's work lists say what the edit left to do.
    assert article.get_admin_display_title() in html
