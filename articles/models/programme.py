from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel


class Programme(ClusterableModel):
    """A funded programme or educational grant that articles are tagged with, so that its
    outcomes can be reported to its funders. Seen only in the admin."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    grant_reference = models.CharField(
        _("grant reference"),
        max_length=100,
        blank=True,
        help_text=_("The funder's reference for the grant, quoted in outcome reports."),
    )
    funders = ParentalManyToManyField(
        "home.FunderPage",
        verbose_name=_("funders"),
        blank=True,
        related_name="programmes",
        help_text=_("The funders of the programme, in the site's default language."),
    )

    panels = [FieldPanel("name"), FieldPanel("grant_reference"), FieldPanel("funders")]

    class Meta:
        verbose_name = _("funded programme")
        verbose_name_plural = _("funded programmes")
        ordering = ["name"]

    def __str__(self):
        return self.name
