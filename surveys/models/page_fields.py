from wagtail_localize.fields import SynchronizedField, TranslatableField

# The Page fields every survey and poll page translates or keeps in sync, declared
# explicitly (DESIGN.md, practice 7).
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]
