"""Reader-visible pages without the extra query Wagtail's ``PageQuerySet.public()`` makes.

``public()`` first loads every view restriction and then excludes their sections; here the
same rule is one ``NOT EXISTS`` subquery inside the page query: a page is private when a
restricted page's path is a prefix of its own (the restricted page itself included).
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def restricted_section():
    """True for a page inside a section with a view restriction (use in ``~Exists``)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(queryset):
    """``queryset.public()`` in the same query."""
    return queryset.exclude(restricted_section())
