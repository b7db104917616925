import datetime
from urllib.parse import urljoin

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from articles import renditions
from articles.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock, ReferencesBlock
from articles.models.snippet_link import ArticleSnippetLink, snippet_link
from hub_site.model_fields import optional_link
from hub_site.page_chooser import LocalePageChooserPanel
from hub_site.public_pages import public
from hub_site.shown import shown_list
from hub_site.translation.fields import PAGE_TRANSLATABLE_FIELDS, synchronized, translated

RELATED_ARTICLES_LIMIT = 4


def topic_links_prefetch():
    return Prefetch("topic_links", queryset=ArticlePageTopic.objects.select_related("topic"))


def contributors_with_disclosures(article):
    """The article's contributors in the editor's order, each with their relationships: two
    queries however many there are (a preview's unsaved links load each contributor)."""
    links = article.contributor_links.all().select_related("contributor")
    contributors = [link.contributor for link in links]
    prefetch_related_objects(contributors, "relationships")
    return contributors


def live_topic_ids(article):
    """The article's live topics, as a subquery (no query of its own)."""
    return ArticlePageTopic.objects.filter(page=article, topic__live=True).values("topic_id")


class ArticlePageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def readable(self):
        """Live and outside any private section, in one query."""
        return public(self.live())

    def for_cards(self):
        """Prefetch what an article card shows, so a list costs the same for 1 or 50 cards."""
        return self.select_related("featured_image").prefetch_related(
            topic_links_prefetch(),
            Prefetch(
                "featured_image__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec__in=renditions.specs(renditions.CARD)),
                to_attr="prefetched_renditions",
            ),
        )

    def for_article_page(self):
        """What the article page shows beside its own fields, joined into the page's query."""
        return self.select_related(
            "locale", "featured_image", "feedback_survey", "featured_poll", "quiz"
        )


class ArticlePage(Page):
    """One article: the learning objective, summary, key data, key learning, body, references."""

    date = models.DateField(
        _("article date"),
        default=datetime.date.today,
        help_text=_("The date readers see and articles are sorted by."),
    )
    learning_objective = models.TextField(
        _("learning objective"),
        help_text=_(
            "What readers can do after reading, e.g. 'After reading this article, learners "
            "will be able to cite a new clinical development in acute lymphoblastic leukemia.'"
        ),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("The lead paragraph: shown under the title and in lists of articles."),
    )
    key_data = RichTextField(_("key data"), blank=True, features=RICH_TEXT_FEATURES)
    key_learning = RichTextField(_("key learning"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    references = StreamField(ReferencesBlock(), blank=True, verbose_name=_("references"))
    featured_image = optional_link(
        "wagtailimages.Image",
        _("featured image"),
        help_text=_("Shown at the top of the article, in lists and in link previews."),
    )
    feedback_survey = optional_link(
        "surveys.SurveyPage",
        _("feedback survey"),
        help_text=_("Leave empty to use the site's default feedback survey."),
    )
    featured_poll = optional_link(
        "surveys.PollPage",
        _("featured poll"),
        help_text=_("A poll shown at the foot of the article."),
    )
    quiz = optional_link(
        "surveys.QuizPage",
        _("quick quiz"),
        help_text=_(
            "Readers may take it before reading, at the top, and again after, at the foot."
        ),
    )
    programmes = ParentalManyToManyField(
        "articles.Programme",
        verbose_name=_("funded programmes"),
        blank=True,
        related_name="articles",
        help_text=_("The programmes or grants that funded this article, for outcome reports."),
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        InlinePanel("topic_links", heading=_("Topics"), label=_("topic")),
        InlinePanel(
            "contributor_links",
            heading=_("Contributors"),
            label=_("contributor"),
            help_text=_(
                "Readers see them with their disclosures before the article. Every "
                "contributor needs a disclosure confirmed in the last 12 months."
            ),
        ),
        FieldPanel("learning_objective"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("key_data"), FieldPanel("key_learning")],
            heading=_("Key data and key learning"),
        ),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        FieldPanel("references"),
        MultiFieldPanel(
            [
                # Choosers that open at the home page holding the surveys and polls, where
                # Wagtail's would open at the root (hub_site/page_chooser.py).
                LocalePageChooserPanel("feedback_survey", "surveys.SurveyPage"),
                LocalePageChooserPanel("featured_poll", "surveys.PollPage"),
                LocalePageChooserPanel("quiz", "surveys.QuizPage"),
            ],
            heading=_("Feedback, poll and quiz"),
        ),
        FieldPanel("programmes"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_objective"),
        index.SearchField("key_data"),
        index.SearchField("key_learning"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        *translated("learning_objective", "summary", "key_data", "key_learning", "body"),
        # Each language's article links to that language's translation of the topic.
        *translated("topic_links", "contributor_links"),
        # The date and the bibliographic data are the same in every language.
        *synchronized("date", "references", "featured_image"),
        # Each language's article shows that language's survey and poll (the template tags
        # localize them), so the choice itself is synchronized.
        *synchronized("feedback_survey", "featured_poll", "quiz"),
        # Programmes are the admin's, in no language of their own.
        *synchronized("programmes"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def live_topics(self):
        """The article's live topics in the editor's order, each once."""
        topics = {}
        for link in self.topic_links.all():
            if link.topic.live:
                topics.setdefault(link.topic_id, link.topic)
        return list(topics.values())

    def related_articles(self):
        """A handful of the newest live articles sharing a live topic with this one."""
        # A saved article's topics as a subquery; a new one (previewed before it is saved)
        # has them in memory.
        topics = live_topic_ids(self) if self.pk else [topic.pk for topic in self.live_topics]
        related = (
            ArticlePage.objects.readable()
            .filter(locale_id=self.locale_id, topic_links__topic__in=topics)
            .exclude(pk=self.pk)
            .distinct()
            .newest_first()
            .select_related("featured_image")
        )
        return list(related[:RELATED_ARTICLES_LIMIT])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.reader_context(request))
        return context

    def reader_context(self, request):
        """What the template shows besides the page's fields."""
        related_articles = self.related_articles()
        # One query for this article's topics and its related articles' topics, one for the
        # renditions of every image on the page. A page not yet saved (previewed while being
        # created) has its topics in memory.
        saved = [self] if self.pk else []
        prefetch_related_objects([*saved, *related_articles], topic_links_prefetch())
        # The related articles are whichever are newest in these topics: a new one changes them.
        shown_list(*self.live_topics)
        hero = self.featured_image if self.featured_image_id else None
        renditions.prefetch_renditions(
            [
                (hero, (renditions.HERO, renditions.SHARE)),
                *((article.featured_image, (renditions.CARD,)) for article in related_articles),
                *((image, (renditions.BODY,)) for image in self.body_images()),
            ]
        )
        # Like {% image %}: a missing source file must not break the page.
        share_image = get_rendition_or_not_found(hero, renditions.SHARE) if hero else None
        canonical_url = self.get_full_url(request) or request.build_absolute_uri()
        # On the same host as the canonical URL, which comes from the Site's configuration.
        share_image_url = urljoin(canonical_url, share_image.url) if share_image else ""
        return {
            "canonical_url": canonical_url,
            "share_image": share_image,
            "share_image_url": share_image_url,
            "related_articles": related_articles,
            "json_ld": self.json_ld(request, canonical_url, share_image_url),
            "contributors": contributors_with_disclosures(self),
        }

    def reader_images(self):
        """The images readers see of this article, with the renditions each is shown in."""
        return [
            (self.featured_image, (renditions.HERO, renditions.SHARE, renditions.CARD)),
            *((image, (renditions.BODY,)) for image in self.body_images()),
        ]

    def body_images(self):
        """The images of the body's figures (Wagtail loads them with the body, in one query)."""
        return [block.value["image"] for block in self.body if block.block_type == "image"]

    def json_ld(self, request, canonical_url, image_url=""):
        """schema.org MedicalScholarlyArticle for search engines, as a dict ready for JSON."""
        site = Site.find_for_request(request)
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalScholarlyArticle",
            "headline": self.title,
            "name": self.title,
            "description": self.search_description or self.summary,
            "datePublished": self.date.isoformat(),
            # The language the page is served in, as in <html lang>; asking the page's locale
            # would cost a query.
            "inLanguage": get_language(),
            "url": canonical_url,
            "mainEntityOfPage": canonical_url,
            "teaches": self.learning_objective,
            "keywords": [topic.name for topic in self.live_topics],
            "citation": [reference.value.json_ld for reference in self.references],
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if image_url:
            data["image"] = image_url
        if site and site.site_name:
            data["publisher"] = {"@type": "Organization", "name": site.site_name}
        return data


class ArticlePageTopic(ArticleSnippetLink):
    """An article's link to a topic, in the order the editor put them."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = snippet_link("articles.Topic", _("topic"), on_delete=models.CASCADE)
    snippet_field = "topic"

    class Meta(ArticleSnippetLink.Meta):
        verbose_name = _("article topic")
        verbose_name_plural = _("article topics")
