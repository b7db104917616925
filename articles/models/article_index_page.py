from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from articles.models.article_page import ArticlePage
from articles.models.topic import Topic
from hub_site.pagination import paginate
from hub_site.remembered import remembered
from hub_site.shown import shown_list
from hub_site.translation.fields import PAGE_TRANSLATABLE_FIELDS, translated


class ArticleIndexPage(Page):
    """The list of articles, newest first, filterable by topic: /<lang>/articles/."""

    ARTICLES_PER_PAGE = 6

    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        *translated("intro"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    # One per language: each language's home page is a different parent.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("article index page")

    def route(self, request, path_components):
        """An article is found with what its page shows in one query, not Wagtail's two
        (the page, then its specific fields) plus one for each related object; and that
        once per content generation in each process while the caching layer keeps reads
        (hub_site.remembered): publishing, unpublishing, moving or deleting any page starts
        a new one."""
        if len(path_components) == 1:
            try:
                article = remembered(
                    request,
                    ("article", self.pk, path_components[0]),
                    partial(self.live_child_article, path_components[0]),
                    one_of_many=True,
                )
            except ArticlePage.DoesNotExist:
                article = None
            if article is not None:
                return article.route(request, [])
        return super().route(request, path_components)

    def live_child_article(self, slug):
        return ArticlePage.objects.child_of(self).live().for_article_page().get(slug=slug)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # This page's children, whichever are live: a new one changes every listing page.
        shown_list(self)
        articles = ArticlePage.objects.child_of(self).readable()
        topics = list(
            Topic.objects.filter(
                live=True,
                locale_id=self.locale_id,
                article_links__page__in=articles.values("pk"),
            )
            .distinct()
            .order_by("name")
        )
        requested_slug = request.GET.get("topic", "")
        current_topic = next((topic for topic in topics if topic.slug == requested_slug), None)
        if current_topic:
            articles = articles.filter(topic_links__topic=current_topic).distinct()
        context.update(
            topics=topics,
            current_topic=current_topic,
            unknown_topic=bool(requested_slug) and current_topic is None,
            articles=paginate(
                articles.newest_first().for_cards(),
                request.GET.get("page"),
                self.ARTICLES_PER_PAGE,
            ),
        )
        return context
