import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from articles.models import ArticleIndexPage, ArticlePage
from articles.models.article_page import topic_links_prefetch

FEED_LENGTH = 20


@dataclass(frozen=True)
class FeedSource:
    locale: Locale
    site_name: str
    link: str


class LatestArticlesFeed(Feed):
    """Atom feed of the newest articles in the reader's language: /<lang>/feed/."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        # One Feed instance serves every request, so per-request data travels in this object.
        locale = Locale.get_active()
        site = Site.find_for_request(request)
        index = ArticleIndexPage.objects.live().filter(locale=locale).first()
        return FeedSource(
            locale=locale,
            site_name=site.site_name if site else "",
            link=index.get_url(request) if index else f"/{locale.language_code}/",
        )

    def title(self, source):
        return _("%(site_name)s: latest articles") % {"site_name": source.site_name}

    def subtitle(self, source):
        return _("The newest articles for healthcare professionals.")

    def link(self, source):
        return source.link

    def items(self, source):
        return (
            ArticlePage.objects.readable()
            .filter(locale=source.locale)
            .prefetch_related(topic_links_prefetch())
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.live_topics]
