"""A release going live: every language in one transaction.

The cache layer gathers what a transaction touches and retires it once, after the commit,
so publishing the original and its translations together is one invalidation.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from hub_site.releases.models import Release

RELEASED = "hub.release.released"
RELEASED_WITHOUT_WAITING = "hub.release.released_without_waiting"


def waiting_languages(release):
    return [
        language
        for language in release.languages.filter(included=True).select_related("locale")
        if not language.is_approved
    ]


def is_due(release, now=None):
    return release.go_live_at is None or release.go_live_at <= (now or timezone.now())


def release_if_ready(release, user=None):
    """Release it if every included language is approved and its moment has come."""
    if release.revision_id is None or waiting_languages(release) or not is_due(release):
        return False
    publish_release(release, user)
    return True


@transaction.atomic
def publish_release(release, user=None, *, without_waiting_reason=""):
    """Publish the original's held revision and every approved translation's, together.

    The approvals were the workflows' authority to publish: the publisher's own page
    permissions are not checked, as at the end of any review (hub_site/workflows/actions.py).
    """
    release = Release.objects.select_for_update().get(pk=release.pk)
    if not release.is_open or release.revision_id is None:
        return
    approved = list(
        release.languages.filter(included=True, revision__isnull=False)
        .select_related("locale", "revision")
        .order_by("locale__language_code")
    )
    release.revision.publish(user=user, skip_permission_checks=True)
    for language in approved:
        language.revision.publish(user=user, skip_permission_checks=True)
    release.status = (
        Release.RELEASED_WITHOUT_WAITING if without_waiting_reason else Release.RELEASED
    )
    release.released_at = timezone.now()
    release.released_by = user
    release.reason = without_waiting_reason
    release.save(update_fields=["status", "released_at", "released_by", "reason"])
    log(
        instance=release.page.specific,
        action=RELEASED_WITHOUT_WAITING if without_waiting_reason else RELEASED,
        user=user,
        revision=release.revision,
        data={
            "release_id": release.pk,
            "languages": [language.locale.language_code for language in approved],
            "reason": without_waiting_reason,
        },
    )


def publish_due_releases(now=None):
    """Scheduled releases whose moment has come and whose languages are all approved."""
    released = 0
    due = Release.objects.filter(
        status=Release.OPEN, revision__isnull=False, go_live_at__lte=now or timezone.now()
    )
    for release in due:
        if not waiting_languages(release):
            publish_release(release)
            released += 1
    return released
