"""Saving a translation as a draft without changing what readers see."""

from django.db import transaction

from wagtail.models import DraftStateMixin


@transaction.atomic
def save_translation_draft(translation, user):
    """A new draft revision of the translation's target, made from its strings.

    wagtail-localize's ``save_target(publish=False)`` writes the translated text into the
    target's own row before it makes the revision; for a live page or snippet that row is
    what readers are served, so the draft would be live at once, unreviewed. The row is put
    back to its live revision's content, as Wagtail's own "Save draft" leaves it: the
    draft lives only in the new revision.
    """
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance()
    if not isinstance(target, DraftStateMixin) or target.live_revision_id is None:
        return target
    # Wagtail keeps the row's draft state (latest revision, draft title, unpublished
    # changes) and takes the content from the live revision; the publication's own fields
    # come from the row as well, the revision having been saved before it was published.
    live = target.with_content_json(target.live_revision.content)
    live.live_revision_id = target.live_revision_id
    live.last_published_at = target.last_published_at
    live.save()
    return target
