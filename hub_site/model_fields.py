"""Field declarations the content models share."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models


def optional_link(to, verbose_name=None, **options):
    """A link to another object that may be empty: one an editor chooses and may leave
    empty, or a record's link to the user or revision it involved.

    Deleting the target empties the link (``SET_NULL``) rather than deleting the page or
    record that points at it, and the target gets no reverse accessor (``related_name="+"``),
    as Wagtail's own chooser examples do.
    """
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def revisions_relation(related_query_name):
    """A snippet's revisions, queryable from the revision side by ``related_query_name``.

    ``for_concrete_model=False`` and ``base_content_type`` follow Wagtail's documented
    ``RevisionMixin`` set-up, so a snippet's revisions are deleted with it.
    """
    return GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name=related_query_name,
        for_concrete_model=False,
    )
