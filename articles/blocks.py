"""StreamField blocks of articles: one shared body StreamBlock and the reference block.

Every block's Meta names an icon, a template, a preview value and a description, so editors
see a preview of each block in the block picker. Every block and block field has a label,
translatable and capitalised like the labels Wagtail makes from names and Django from a
model field's verbose_name: Wagtail shows a label given to it as it is.
"""

import copy
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

from articles.struct_values import CALLOUT_TONES, CalloutValue, ReferenceValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]

# Crossref's recommended pattern for modern DOIs: "10.", a 4-9 digit registrant, "/", a suffix.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
# Editors often paste the resolver form of a DOI; it is stored bare.
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
PMID_PATTERN = re.compile(r"^\d{1,8}$")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "articles/blocks/paragraph.html"
        preview_value = (
            "<p>At median follow-up of 36 months, 3-year <b>overall survival</b> was 53%.</p>"
        )
        description = _("A paragraph of text with bold, italics, links and lists.")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "articles/blocks/heading.html"
        preview_value = {"text": "Patient characteristics", "level": "h2"}
        description = _("A section or subsection heading inside the article.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for readers who cannot see it, "
            "e.g. 'Kaplan–Meier curve: overall survival was higher without MRD'."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    def get_preview_value(self):
        # A preview needs a real image; the most recent upload stands in for one.
        value = super().get_preview_value()
        value["image"] = get_image_model().objects.order_by("-created_at").first()
        return value

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"
        preview_value = {
            "alt_text": "A placeholder figure",
            "caption": "Figure 1. Overall survival by MRD status.",
        }
        description = _("An image with required alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"
        preview_value = {
            "quote": "Transplant in second remission remains a curative option.",
            "attribution": "Study investigators",
        }
        description = _("A quotation with its source.")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(label=_("Tone"), choices=CALLOUT_TONES, default="note")
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the tone's name as the heading."),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        template = "articles/blocks/callout.html"
        value_class = CalloutValue
        preview_value = {
            "tone": "key-point",
            "heading": "",
            "text": "<p>Pretransplant MRD status predicted relapse.</p>",
        }
        description = _("A highlighted box: a note, a key point or a caution.")


class ArticleTableBlock(TableBlock):
    """Wagtail's table block whose cells and caption translators can translate.

    wagtail-localize leaves table blocks untranslated unless the block says how to split its
    value into strings and put translations back, which these two methods do.
    """

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = [
            StringSegmentValue(f"cell-{row}-{column}", text)
            for row, cells in enumerate(value.get("data") or [])
            for column, text in enumerate(cells)
            if text and str(text).strip()
        ]
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        return segments

    def restore_translated_segments(self, value, segments):
        translated = copy.deepcopy(value)
        for segment in segments:
            if segment.path == "caption":
                translated["table_caption"] = segment.render_text()
            else:
                _prefix, row, column = segment.path.split("-")
                translated["data"][int(row)][int(column)] = segment.render_text()
        return translated

    class Meta:
        icon = "table"
        template = "articles/blocks/table.html"
        preview_value = {
            "table_header_choice": "both",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": "Outcomes at 3 years",
            "data": [["Outcome", "Rate"], ["Overall survival", "53%"], ["Relapse", "36%"]],
        }
        description = _("A table of data with an optional caption and header row or column.")


class ArticleEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "articles/blocks/embed.html"
        preview_value = "https://vimeo.com/76979871"
        description = _("A video or other media from a provider such as YouTube or Vimeo.")


class ArticleBodyBlock(blocks.StreamBlock):
    """The one body StreamBlock shared by every article."""

    paragraph = ParagraphBlock(label=_("Paragraph"))
    heading = HeadingBlock(label=_("Heading"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    callout = CalloutBlock(label=_("Callout"))
    table = ArticleTableBlock(label=_("Table"))
    embed = ArticleEmbedBlock(label=_("Embed"), max_width=800)


class ReferenceBlock(blocks.StructBlock):
    authors = blocks.CharBlock(
        label=_("Authors"),
        max_length=500,
        help_text=_("Surnames and initials as in the journal, e.g. 'Pasvolsky O, et al'."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    journal = blocks.CharBlock(
        label=_("Journal"),
        required=False,
        max_length=255,
        help_text=_("e.g. 'Am J Hematol' or 'American Journal of Hematology'."),
    )
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1800, max_value=2100)
    volume = blocks.CharBlock(
        label=_("Volume"),
        required=False,
        max_length=50,
        help_text=_("With the issue in brackets, e.g. '100(3)'."),
    )
    pages = blocks.CharBlock(label=_("Pages"), required=False, max_length=50)
    doi = blocks.CharBlock(
        label=_("DOI"),
        required=False,
        max_length=255,
        help_text=_("e.g. 10.1000/182 (a pasted https://doi.org/… link is accepted)."),
    )
    pmid = blocks.CharBlock(
        label=_("PubMed ID"), required=False, max_length=50, help_text=_("1 to 8 digits.")
    )
    url = blocks.URLBlock(
        label=_("URL"), required=False, help_text=_("Only when there is no DOI, or in addition.")
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        doi = DOI_PREFIX.sub("", (value.get("doi") or "").strip())
        if doi and not DOI_PATTERN.match(doi):
            errors["doi"] = ValidationError(
                _(
                    "“%(doi)s” is not a DOI. A DOI starts with “10.”, then 4 to 9 digits, "
                    "a slash and the item's own code, e.g. 10.1000/182."
                ),
                params={"doi": value["doi"]},
                code="invalid_doi",
            )
        pmid = (value.get("pmid") or "").strip()
        if pmid and not PMID_PATTERN.match(pmid):
            errors["pmid"] = ValidationError(
                _("“%(pmid)s” is not a PubMed ID. A PubMed ID is 1 to 8 digits, e.g. 31452104."),
                params={"pmid": value["pmid"]},
                code="invalid_pmid",
            )
        non_block_errors = []
        if not any((value.get("journal"), doi, pmid, value.get("url"))):
            non_block_errors.append(
                ValidationError(
                    _("Give a journal, DOI, PubMed ID or URL so readers can find the source."),
                    code="untraceable",
                )
            )
        if errors or non_block_errors:
            raise blocks.StructBlockValidationError(
                block_errors=errors, non_block_errors=non_block_errors
            )
        value["doi"] = doi
        value["pmid"] = pmid
        return value

    class Meta:
        icon = "list-ol"
        template = "articles/blocks/reference.html"
        value_class = ReferenceValue
        preview_value = {
            "authors": "Example A, Sample B, et al",
            "title": "A title of a cited study",
            "journal": "Am J Hematol",
            "year": 2025,
            "volume": "100(1)",
            "pages": "1-10",
            "doi": "10.1000/182",
            "pmid": "",
            "url": "",
        }
        description = _("One cited source, listed under References with DOI and PubMed links.")


class ReferencesBlock(blocks.StreamBlock):
    reference = ReferenceBlock(label=_("Reference"))
