"""Funders: sponsorship levels (a snippet), the funders index and one page per funder."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import DraftStateMixin, Page, PageManager, RevisionMixin, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles import renditions
from hub_site.model_fields import optional_link, revisions_relation
from hub_site.public_pages import public
from hub_site.translation.fields import SAME_SLUG_PAGE_FIELDS, synchronized, translated


class SponsorshipLevel(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A level of sponsorship ("Platinum", "Gold" …); rank 1 is the highest.

    Kept under draft/publish with revisions like other copy readers see: the row holds the
    published name and rank, drafts wait in revisions.
    """

    name = models.CharField(_("name"), max_length=100)
    rank = models.PositiveSmallIntegerField(
        _("rank"),
        help_text=_(
            "Order of the level, 1 being the highest amount of funding. Sponsors are listed "
            "by rank on the funders page and in the disclosure sentence."
        ),
    )

    revisions = revisions_relation("sponsorship_level")

    panels = [FieldPanel("name"), FieldPanel("rank")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("rank")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["rank", "name"]
        verbose_name = _("sponsorship level")
        verbose_name_plural = _("sponsorship levels")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.rank is None or self.locale_id is None:
            return
        same_rank = SponsorshipLevel.objects.filter(locale_id=self.locale_id, rank=self.rank)
        if same_rank.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"rank": _("Another sponsorship level already has this rank. Give each its own.")}
            )


class FundingType(models.TextChoices):
    SPONSOR = "sponsor", _("Sponsor")
    EDUCATIONAL_GRANT = "educational_grant", _("Educational grant")


class FunderPageQuerySet(PageQuerySet):
    def in_disclosure_order(self):
        """Sponsors by level rank then page order; educational grants (no level) last."""
        return self.order_by(F("level__rank").asc(nulls_last=True), "path")

    def for_readers(self):
        """Published, public funders with their level and logo rendition, in order."""
        logo_renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=renditions.specs(renditions.LOGO))
        )
        return (
            public(self.live())
            .select_related("level", "logo")
            .prefetch_related(
                Prefetch(
                    "logo__renditions",
                    queryset=logo_renditions,
                    to_attr="prefetched_renditions",
                )
            )
            .in_disclosure_order()
        )


class FunderPage(Page):
    """One funder: a sponsor at a level, or the giver of an educational grant.

    The page title is the funder's name.
    """

    funding_type = models.CharField(
        _("funding type"),
        max_length=20,
        choices=FundingType.choices,
        default=FundingType.SPONSOR,
    )
    level = models.ForeignKey(
        SponsorshipLevel,
        verbose_name=_("sponsorship level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="funders",
        help_text=_("Required for sponsors; educational grants have no level."),
    )
    disclosure_name = models.CharField(
        _("name in the disclosure"),
        max_length=255,
        blank=True,
        help_text=_(
            "How the disclosure sentence names this funder when it differs from the title, "
            "e.g. “the Hippocrate Conference Institute, an association of the Servier Group”."
        ),
    )
    logo = optional_link(get_image_model_string(), _("logo"))
    website = models.URLField(_("website"), blank=True)
    short_description = models.TextField(_("short description"), max_length=600, blank=True)

    objects = PageManager.from_queryset(FunderPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("funding_type"), FieldPanel("level"), FieldPanel("disclosure_name")],
            heading=_("Funding"),
        ),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("short_description"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("short_description")]
    translatable_fields = [
        *SAME_SLUG_PAGE_FIELDS,
        # Translating a funder translates its level snippet too, so the level's name is
        # shown in the reader's language.
        *translated("level", "disclosure_name", "short_description"),
        *synchronized("funding_type", "logo", "website"),
    ]

    parent_page_types = ["home.FunderIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("funder page")

    @property
    def name_in_disclosure(self):
        return self.disclosure_name or self.title

    @property
    def is_sponsor(self):
        return self.funding_type == FundingType.SPONSOR

    def reader_images(self):
        """The logo, in the renditions the funder pages and the home page show it in."""
        return [(self.logo, (renditions.LOGO,))]

    def clean(self):
        super().clean()
        if self.is_sponsor and self.level_id is None:
            raise ValidationError({"level": _("Choose the sponsorship level of this sponsor.")})
        if not self.is_sponsor and self.level_id is not None:
            raise ValidationError(
                {"level": _("Educational grants have no sponsorship level: clear the level.")}
            )
        if self.level_id is not None and self.level.locale_id != self.locale_id:
            raise ValidationError(
                {"level": _("Choose a sponsorship level in the same language as this page.")}
            )


@dataclass
class FunderGroup:
    """Funders shown under one heading: a sponsorship level, or educational grants."""

    heading: str
    funders: list = field(default_factory=list)


def group_funders(funders):
    """Group funders (already in disclosure order) under their level, then grants."""
    groups = {}
    grants = FunderGroup(heading=_("Educational grants"))
    for funder in funders:
        if funder.is_sponsor:
            heading = funder.level.name if funder.level else _("Sponsors")
            group = groups.setdefault(funder.level_id, FunderGroup(heading=heading))
            group.funders.append(funder)
        else:
            grants.funders.append(funder)
    return [*groups.values(), *([grants] if grants.funders else [])]


class FunderIndexPage(Page):
    """“Funders”: every published funder, grouped and ordered by sponsorship level."""

    intro = RichTextField(_("intro"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*SAME_SLUG_PAGE_FIELDS, TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.FunderPage"]
    # One per home page; a max_count would also count the translations.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("funder index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["funder_groups"] = group_funders(FunderPage.objects.child_of(self).for_readers())
        return context
