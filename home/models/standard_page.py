from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from hub_site.translation.fields import SAME_SLUG_PAGE_FIELDS, synchronized, translated


class StandardPage(Page):
    """About, Privacy, Cookies, Contact and similar pages."""

    intro = models.TextField(_("intro"), blank=True)
    body = RichTextField(_("body"), blank=True)
    open_to_public = models.BooleanField(
        _("open to the public"),
        default=False,
        help_text=_(
            "Readers can open this page without confirming they are healthcare professionals "
            "(use for privacy, cookies, contact)."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = [FieldPanel("open_to_public"), *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        *SAME_SLUG_PAGE_FIELDS,
        *translated("intro", "body"),
        *synchronized("open_to_public"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
