"""wagtail-localize field declarations shared by the home app's pages."""

from wagtail_localize.fields import SynchronizedField, TranslatableField

# The fields every page inherits from Wagtail's Page. Slugs stay the same in every locale
# so /en/about/ and /es/about/ are the same page in two languages.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]
