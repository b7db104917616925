from django.db import models
from django.db.models import Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page

from hub_site.model_fields import optional_link
from hub_site.public_pages import public
from hub_site.shown import shown_list
from hub_site.translation.fields import SAME_SLUG_PAGE_FIELDS, synchronized, translated

from .funders import FunderIndexPage, FunderPage, group_funders


class HomePage(Page):
    """The root of each locale's tree: /en/, /es/ …"""

    intro = models.TextField(
        _("intro"), blank=True, help_text=_("A sentence or two shown under the site name.")
    )
    support_heading = models.CharField(_("support heading"), max_length=255, blank=True)
    support_text = models.TextField(_("support text"), blank=True)
    support_link_text = models.CharField(
        _("support link text"),
        max_length=100,
        blank=True,
        help_text=_("Leave blank for “Find out more” in the reader's language."),
    )
    featured_article = optional_link(
        "articles.ArticlePage",
        _("featured article"),
        help_text=_("Shown first on the home page; leave empty to feature the newest article."),
    )
    support_page = optional_link(
        "wagtailcore.Page",
        _("support page"),
        help_text=_("The page the call to action links to."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("featured_article"),
        MultiFieldPanel(
            [
                FieldPanel("support_heading"),
                FieldPanel("support_text"),
                FieldPanel("support_link_text"),
                PageChooserPanel("support_page", "home.SupportPage"),
            ],
            heading=_("Support call to action"),
        ),
    ]
    translatable_fields = [
        *SAME_SLUG_PAGE_FIELDS,
        *translated("intro", "support_heading", "support_text", "support_link_text"),
        # The template follows the link to the page's translation (``.localized``).
        *synchronized("support_page", "featured_article"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Articles and surveys add their index pages here when they are merged.
    subpage_types = [
        "articles.ArticleIndexPage",
        "home.StandardPage",
        "home.FunderIndexPage",
        "home.SupportPage",
        "surveys.SurveyPage",
        "surveys.PollPage",
        "surveys.QuizPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Route through a section (the article index, the funders) without loading its own
        fields: Wagtail's route would fetch them, and only the page served needs them."""
        if len(path_components) > 1:
            try:
                section = self.get_children().get(slug=path_components[0])
            except Page.DoesNotExist as error:
                raise Http404 from error
            return section.get_specific(deferred=True).route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        funders = FunderPage.objects.descendant_of(self).for_readers()
        context["funder_groups"] = group_funders(funders)
        context["funders_index"] = public(FunderIndexPage.objects.child_of(self).live()).first()
        context["support_link"] = self.live_support_page()
        context["featured_article"], context["latest_articles"] = self.articles_for_readers()
        return context

    LATEST_ARTICLES = 3

    def articles_for_readers(self):
        """The featured article (the editor's choice, else the newest) and the next newest."""
        from articles.models import ArticlePage

        # Whichever articles under this page are newest: a new one changes them.
        shown_list(self)

        articles = ArticlePage.objects.descendant_of(self).readable().newest_first().for_cards()
        featured = None
        if self.featured_article_id:
            # The chosen article's version in this home page's language, in one query.
            chosen = Page.objects.filter(pk=self.featured_article_id).values("translation_key")
            featured = articles.filter(translation_key=Subquery(chosen)).first()
        latest = articles.exclude(pk=featured.pk) if featured else articles
        latest = list(latest[: self.LATEST_ARTICLES + (0 if featured else 1)])
        if featured is None and latest:
            featured = latest.pop(0)
        return featured, latest

    def live_support_page(self):
        """The support page in the reader's language, or None while it is not published."""
        if self.support_page_id is None:
            return None
        support_page = self.support_page.localized
        return support_page if support_page.live else None
