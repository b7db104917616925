"""Spanish and French demo translations, made with wagtail-localize's own machinery.

Each object gets a TranslationSource and a Translation, and each of its strings a
StringTranslation (a translator's, "manual"), exactly as if a translator had filled in
the translation editor; the target is then saved from those strings and published. So
translators find the demo translations in the translation editor like any other.

Every string is provided (``fallback=False``): a source string without a demo
translation stops the loader with its text, rather than publishing English in a Spanish
page. Slugs stay as in English, so /es/articles/<slug>/ mirrors /en/articles/<slug>/.

Running it again changes nothing: a target is saved again only when the translation it
would now produce differs from the published one.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.text import slugify

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from articles.models import ArticleIndexPage, ArticlePage, Topic
from home.models import FunderIndexPage, FunderPage, SponsorshipLevel
from hub_site.demo.articles import SEED_ARTICLE_SLUG, TOPICS
from hub_site.demo.funders import FUNDERS, LEVELS
from hub_site.demo.publishing import publish_reviewed
from hub_site.demo.surveys import FEEDBACK_SURVEY_SLUG, POLL_SLUG
from hub_site.demo.translated_strings import DEMO_MARK, DEMO_STRINGS
from hub_site.gate.models import GateCopy
from hub_site.translation.models import MachineTranslationNotice
from surveys.models import PollPage, SurveyPage

DEMO_LANGUAGES = tuple(DEMO_STRINGS)
# Segments whose translation is the source text itself.
KEPT_AS_SOURCE = {"slug"}
# The segment that says, in each translated demo page, that it is a demo translation.
MARKED_AS_DEMO = "search_description"


class MissingDemoTranslation(Exception):
    """A source string has no demo translation: add it to translated_strings.py."""


def load_translations(home):
    """Publish the demo pages and the snippets they show in every demo language."""
    for language_code in DEMO_LANGUAGES:
        for instance in demo_objects(home):
            publish_translation(instance, language_code)


def publish_spanish_seed_article():
    """The seed article published in Spanish (with what it shows), for journeys."""
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    article = ArticlePage.objects.get(slug=SEED_ARTICLE_SLUG, locale=home.locale)
    for instance in [*_snippets(home), *_pages_leading_to_seed_article(home)]:
        publish_translation(instance, "es")
    return article.get_translation(Locale.objects.get(language_code="es"))


def demo_objects(home):
    """Snippets first: translated pages link to the translations of the snippets they use."""
    return [*_snippets(home), *_pages_leading_to_seed_article(home), *_funder_pages(home)]


# Only the demo's own objects: what editors add is for translators, not for load_demo.
def _snippets(home):
    return [
        *Topic.objects.filter(locale=home.locale, slug__in=TOPICS).order_by("pk"),
        *SponsorshipLevel.objects.filter(
            locale=home.locale, name__in=[name for name, _rank in LEVELS]
        ).order_by("rank"),
        *GateCopy.objects.filter(locale=home.locale, live=True),
        *MachineTranslationNotice.objects.filter(locale=home.locale, live=True),
    ]


def _pages_leading_to_seed_article(home):
    """Parents before children; the survey and poll before the article that shows them."""
    index = ArticleIndexPage.objects.child_of(home).get()
    return [
        home,
        index,
        SurveyPage.objects.child_of(home).get(slug=FEEDBACK_SURVEY_SLUG),
        PollPage.objects.child_of(home).get(slug=POLL_SLUG),
        ArticlePage.objects.child_of(index).get(slug=SEED_ARTICLE_SLUG),
    ]


def _funder_pages(home):
    funders = FunderIndexPage.objects.child_of(home).get()
    slugs = [slugify(funder["title"]) for funder in FUNDERS]
    return [funders, *FunderPage.objects.child_of(funders).filter(slug__in=slugs).order_by("path")]


def publish_translation(instance, language_code):
    """Translate ``instance`` with the demo strings and publish it; return the translation."""
    locale = Locale.objects.get(language_code=language_code)
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        _store_string_translations(source, locale, DEMO_STRINGS[language_code])
        target = _existing_target(source, locale)
        if target is not None and _published_and_current(source, locale, target):
            return target
        # Saved as a draft, then published here: with publish=True wagtail-localize
        # publishes only once the outer transaction commits (never, inside a test).
        target, _created = source.create_or_update_translation(
            locale, publish=False, copy_parent_pages=True, fallback=False
        )
        target.refresh_from_db()
        publish_reviewed(target.latest_revision)
        return target


def _store_string_translations(source, locale, strings):
    """One translator's StringTranslation per source string, updated only if it differs."""
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if segment.context.path in KEPT_AS_SOURCE:
            translated = text
        elif text in strings:
            translated = strings[text]
            if segment.context.path == MARKED_AS_DEMO:
                translated = f"{translated} {DEMO_MARK[locale.language_code]}"
        else:
            raise MissingDemoTranslation(
                f"No {locale.language_code} demo translation for {text!r} "
                f"({source.object_repr}, {segment.context.path})"
            )
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=translated,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
        elif (existing.data, existing.translation_type) != (
            translated,
            StringTranslation.TRANSLATION_TYPE_MANUAL,
        ):
            existing.data = translated
            existing.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            existing.tool_name = ""
            existing.has_error = False
            existing.save()


def _existing_target(source, locale):
    try:
        return source.get_translated_instance(locale)
    except source.specific_content_type.model_class().DoesNotExist:
        return None


def _published_and_current(source, locale, target):
    """The target is live, has no newer draft, and already holds what translating gives."""
    if isinstance(target, DraftStateMixin) and (not target.live or target.has_unpublished_changes):
        return False
    would_be = source.get_ephemeral_translated_instance(locale, fallback=False)
    return _content(would_be) == _content(_existing_target(source, locale))


def _content(instance):
    if isinstance(instance, ClusterableModel):
        content = json.loads(instance.to_json())
        if isinstance(instance, Page):
            # Chosen by wagtail-localize when saving (a free slug among the new siblings:
            # "home-1" for a second home page), not by the translation.
            del content["slug"]
        return {name: _as_data(value) for name, value in content.items()}
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _as_data(value):
    """A StreamField's JSON text as data, so that key order does not count: PostgreSQL's
    jsonb gives a stored stream's keys back in an order of its own."""
    if isinstance(value, str) and value.startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
