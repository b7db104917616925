""" "Translate this page" on a live page makes a draft: nothing goes live untranslated."""

import pytest

from django.urls import reverse

from wagtail.models import Locale

from articles.models import ArticlePage
from tests.articles.factories import create_article, create_index, home_page
from tests.publishing import publish_certified
from tests.translation.helpers import start_translation, translate_string


@pytest.mark.parametrize("role", ["translator", "manager"])
def test_translating_a_live_article_makes_an_unlisted_draft(client, hcp_client, team, role):
    english_index = create_index()
    article = create_article(english_index, title="Blinatumomab in upfront ALL")
    # The Spanish article index, translated and published before.
    client.force_login(team["translator"])
    spanish_index, index_translation = start_translation(client, english_index)
    translate_string(client, index_translation, "Articles", "Artículos")
    index_translation.save_target(user=team["translator"], publish=False)
    spanish_index.refresh_from_db()
    publish_certified(spanish_index.get_latest_revision())
    spanish_index.refresh_from_db()

    client.force_login(team[role])
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(article.pk,)),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )

    assert response.status_code == 302
    spanish_article = article.get_translation(Locale.objects.get(language_code="es")).specific
    assert spanish_article.get_parent().pk == spanish_index.pk
    assert not spanish_article.live
    assert spanish_article.live_revision is None
    assert not ArticlePage.objects.live().filter(locale__language_code="es").exists()
    listing = hcp_client.get(spanish_index.url)
    assert listing.status_code == 200
    assert "Artículos" in listing.text
    assert spanish_article.slug not in listing.text
    assert "Blinatumomab in upfront ALL" not in listing.text
    assert hcp_client.get(f"{spanish_index.url}{spanish_article.slug}/").status_code == 404

    report = client.get(reverse("hub_translation:status_report"), {"locale": "es"})
    (row,) = [r for r in report.context["paginator"].object_list if r.title == article.title]
    assert row.status == "draft"
    published = client.get(
        reverse("hub_translation:status_report"), {"locale": "es", "status": "published"}
    )
    assert article.title not in {r.title for r in published.context["paginator"].object_list}
    assert home_page().live  # the English tree is untouched
    article.refresh_from_db()
    assert article.live
