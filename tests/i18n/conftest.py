import pytest

from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from tests.articles.factories import create_article, create_index, home_page


@pytest.fixture
def article(db):
    return create_article(create_index(home_page()), "MRD in second remission")


def translate(page, *language_codes, publish=True):
    """Translate ``page`` (and its untranslated parents) as wagtail-localize's "Translate"
    action does; published once the transaction commits, as in the admin."""
    locales = list(Locale.objects.filter(language_code__in=language_codes))
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(page, locales)
    translations = {
        locale.language_code: page.get_translation(locale).specific for locale in locales
    }
    if not publish:
        for translation in translations.values():
            translation.unpublish()
    return translations
