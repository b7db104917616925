import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin

from articles.models.snippet_link import ArticleSnippetLink, snippet_link
from hub_site.model_fields import optional_link
from hub_site.translation.fields import synchronized, translated

# How long a disclosure holds once confirmed, and how far back the relationships it
# lists reach.
DISCLOSURE_VALID_FOR = datetime.timedelta(days=365)
RELATIONSHIPS_LOOKBACK = datetime.timedelta(days=730)

# Words saying what kind of company a name is rather than which: "Amgen Inc." and "Amgen
# GmbH" are both Amgen.
COMPANY_SUFFIXES = frozenset(
    {
        "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "gmbh", "group",
        "inc", "incorporated", "kg", "limited", "llc", "llp", "lp", "ltd", "nv", "oy",
        "plc", "pty", "sa", "sarl", "sas", "spa", "srl",
    }
)  # fmt: skip


def company_key(name):
    """A company's name as compared with a funder's: without case, accents, punctuation,
    a leading "the" or trailing company suffixes ("The Amgen Co., Ltd." is "amgen")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    # Dots and apostrophes join ("B.V." is "bv"); other punctuation separates words.
    words = re.sub(r"[^\w\s]", " ", re.sub(r"[.']", "", plain)).split()
    if words[:1] == ["the"]:
        words = words[1:]
    while words and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


class ContributorRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    REVIEWER = "reviewer", _("Reviewer")
    EXPERT = "expert", _("Expert")


class DisclosureState(models.TextChoices):
    """Where a contributor's disclosure stands; only a current one lets their articles
    through review."""

    CURRENT = "current", _("Confirmed")
    MISSING = "missing", _("Missing")
    CONTRADICTORY = "contradictory", _("Contradictory")
    OUT_OF_DATE = "out_of_date", _("Out of date")


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

    def clean(self):
        super().clean()
        # The relationships are checked against the rest of the disclosure in the admin's
        # form (articles/forms.py): until it is saved, this row does not hold them.
        if self.disclosure_confirmed_on and self.disclosure_confirmed_on > timezone.localdate():
            raise ValidationError(
                {"disclosure_confirmed_on": _("A disclosure cannot be confirmed in the future.")}
            )

    def disclosure_state(self, today=None):
        """A ``DisclosureState``; reads the relationships (prefetch them for many)."""
        has_relationships = bool(self.relationships.all())
        if self.disclosure_confirmed_on is None or not (
            self.nothing_to_disclose or has_relationships
        ):
            return DisclosureState.MISSING
        if self.nothing_to_disclose and has_relationships:
            return DisclosureState.CONTRADICTORY
        if self.disclosure_confirmed_on < (today or timezone.localdate()) - DISCLOSURE_VALID_FOR:
            return DisclosureState.OUT_OF_DATE
        return DisclosureState.CURRENT

    def disclosure_problem(self, today=None):
        """Why this contributor's disclosure keeps their articles from being submitted or
        approved, in a sentence for the editor; None when it is current."""
        state = self.disclosure_state(today)
        if state == DisclosureState.MISSING:
            return gettext(
                "%(contributor)s has no disclosure: tick “Nothing to disclose” or list their "
                "financial relationships, and enter the date they last confirmed it."
            ) % {"contributor": self}
        if state == DisclosureState.CONTRADICTORY:
            return gettext(
                "The disclosure of %(contributor)s says “Nothing to disclose” and also lists "
                "financial relationships: correct it."
            ) % {"contributor": self}
        if state == DisclosureState.OUT_OF_DATE:
            return gettext(
                "The disclosure of %(contributor)s was last confirmed on %(date)s, more than 12 "
                "months ago: ask them to confirm it again and enter the new date."
            ) % {"contributor": self, "date": date_format(self.disclosure_confirmed_on)}
        return None


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

    def names_funder(self, funder):
        """Whether this relationship is with ``funder``: linked to it or to a translation
        of it, or with a company of the same name as its title or name in the disclosure
        (``company_key``). Reads ``self.funder`` (prefetch it for many)."""
        if self.funder_id is not None and self.funder.translation_key == funder.translation_key:
            return True
        names = {company_key(funder.title), company_key(funder.disclosure_name)} - {""}
        return company_key(self.company) in names

    def clean(self):
        super().clean()
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("A relationship cannot end before it started.")})


class ArticlePageContributor(ArticleSnippetLink):
    """An article's link to a contributor, in the order the editor put them."""

    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="contributor_links"
    )
    contributor = snippet_link(Contributor, _("contributor"), on_delete=models.PROTECT)
    snippet_field = "contributor"

    class Meta(ArticleSnippetLink.Meta):
        verbose_name = _("article contributor")
        verbose_name_plural = _("article contributors")
