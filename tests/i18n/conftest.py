import pytest

from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from tests.articles.factories import create_article, create_index, home_page
from tests.kept_rows import kept
from tests.publishing import publish_certified


@pytest.fixture
@kept
def article(db):
    return create_article(create_index(home_page()), "MRD in second remission")


def translate(page, *language_codes, publish=True):
    """Translate ``page`` (and its untranslated parents) as wagtail-localize's "Translate"
    action does, which makes drafts; then publish them (and the parents it made) as if
    their translation reviews had certified them."""
    locales = list(Locale.objects.filter(language_code__in=language_codes))
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(page, locales)
    translations = {
        locale.language_code: page.get_translation(locale).specific for locale in locales
    }
    if publish:
        for translation in translations.values():
            drafts = [*translation.get_ancestors().filter(depth__gt=1, live=False), translation]
            for draft in drafts:
                publish_certified(draft.get_latest_revision())
            translation.refresh_from_db()
    return translations
