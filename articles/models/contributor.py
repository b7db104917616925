import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin

from hub_site.model_fields import optional_link
from hub_site.translation.fields import synchronized, translated

# How long a disclosure holds once confirmed, and how far back the relationships it
# lists reach.
DISCLOSURE_VALID_FOR = datetime.timedelta(days=365)
RELATIONSHIPS_LOOKBACK = datetime.timedelta(days=730)


class ContributorRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    REVIEWER = "reviewer", _("Reviewer")
    EXPERT = "expert", _("Expert")


class Contributor(TranslatableMixin, ClusterableModel):
    """Someone who wrote, reviewed or advised on articles, with their disclosure of
    financial relationships with companies in the last 24 months."""

    name = models.CharField(_("name"), max_length=255)
    credentials = models.CharField(
        _("credentials"), max_length=255, blank=True, help_text=_("e.g. MD, PhD, FRCP")
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Department of Haematology, University Hospital"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=ContributorRole.choices, default=ContributorRole.AUTHOR
    )
    nothing_to_disclose = models.BooleanField(
        _("nothing to disclose"),
        default=False,
        help_text=_(
            "Tick when the contributor declares no financial relationship with any company "
            "in the last 24 months."
        ),
    )
    disclosure_confirmed_on = models.DateField(
        _("disclosure last confirmed on"),
        null=True,
        blank=True,
        help_text=_(
            "The date the contributor last confirmed their disclosure. Articles cannot be "
            "submitted or approved with a disclosure older than 12 months."
        ),
    )
    mitigation = models.TextField(
        _("mitigation statement"),
        blank=True,
        help_text=_(
            "How the relationships were kept from influencing the content, e.g. 'All "
            "recommendations were reviewed independently by the medical reviewer.' Shown to "
            "readers with the relationships."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("affiliation"),
        FieldPanel("role"),
        MultiFieldPanel(
            [
                FieldPanel("disclosure_confirmed_on"),
                FieldPanel("nothing_to_disclose"),
                InlinePanel(
                    "relationships",
                    heading=_("Financial relationships in the last 24 months"),
                    label=_("relationship"),
                ),
                FieldPanel("mitigation"),
            ],
            heading=_("Disclosure"),
        ),
    ]

    translatable_fields = [
        *translated("affiliation", "mitigation", "relationships"),
        *synchronized(
            "name", "credentials", "role", "nothing_to_disclose", "disclosure_confirmed_on"
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class FinancialRelationship(TranslatableMixin, Orderable):
    """One financial relationship a contributor discloses."""

    contributor = ParentalKey(Contributor, on_delete=models.CASCADE, related_name="relationships")
    company = models.CharField(_("company"), max_length=255)
    funder = optional_link(
        "home.FunderPage",
        _("funder of this site"),
        help_text=_("Choose the funder when the company is one of the site's funders."),
    )
    nature = models.CharField(
        _("nature of the relationship"),
        max_length=255,
        help_text=_("e.g. Consultancy fees, Speaker's bureau, Research grant"),
    )
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty if ongoing."))

    panels = [
        FieldPanel("company"),
        FieldPanel("funder"),
        FieldPanel("nature"),
        FieldPanel("started_on"),
        FieldPanel("ended_on"),
    ]

    translatable_fields = [
        *translated("nature"),
        *synchronized("company", "funder", "started_on", "ended_on"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("financial relationship")
        verbose_name_plural = _("financial relationships")

    def __str__(self):
        return f"{self.company}: {self.nature}"


class ArticlePageContributor(TranslatableMixin, Orderable):
    """An article's link to a contributor, in the order the editor put them."""

    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="contributor_links"
    )
    contributor = models.ForeignKey(
        Contributor,
        verbose_name=_("contributor"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )

    panels = [FieldPanel("contributor")]

    translatable_fields = translated("contributor")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("article contributor")
        verbose_name_plural = _("article contributors")

    def __str__(self):
        return str(self.contributor)
