"""What wagtail-localize translates of the fields every page inherits from Wagtail's Page,
declared once; each page model adds its own fields and names its deviations."""

from wagtail_localize.fields import SynchronizedField, TranslatableField


def translated(*field_names):
    """Fields each language gives its own value (text, and links to translatable snippets)."""
    return [TranslatableField(name) for name in field_names]


def synchronized(*field_names):
    """Fields every language shares: a sync copies the source's value into each translation."""
    return [SynchronizedField(name) for name in field_names]


PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    # A translator may give the page an address in their language.
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]

# The site's own pages (home, about, funders, support) keep one slug in every language, so
# /en/about/ and /es/about/ are the same page in two languages.
SAME_SLUG_PAGE_FIELDS = [
    SynchronizedField("slug") if field.field_name == "slug" else field
    for field in PAGE_TRANSLATABLE_FIELDS
]
