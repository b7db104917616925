"""What awaits each person in the editorial workflow, as plain rows for the dashboard.

Every list is a fixed number of queries whatever its length: rows are read with their
task, reviewer and page in bulk, and translation progress is counted per language, never
per row.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext

from wagtail.admin.utils import get_user_display_name
from wagtail.models import (
    AbstractGroupApprovalTask,
    Locale,
    Page,
    Task,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from hub_site.translation.status import (
    DRAFT,
    MISSING,
    OUT_OF_DATE,
    STATUSES,
    target_locales,
    translate_url,
)
from hub_site.workflows.disclosures import review_flags

# Rows per list: a dashboard shows what to do next, the reports show everything.
LIST_LIMIT = 10


@dataclass(frozen=True)
class WorkItem:
    title: str
    url: str
    language: str = ""
    step: str = ""
    person: str = ""
    since: object = None
    comment: str = ""
    # (translated segments, all segments) of a translation under review.
    progress: tuple | None = None
    # (label, URL, opens a dialog) of each review action on the row.
    actions: tuple | list = ()
    # What the reviewer must know first: a contributor's disclosure blocking approval, a
    # contributor paid by one of the article's funders (hub_site/workflows/disclosures.py).
    flags: tuple | list = ()

    @property
    def age(self):
        return age(self.since) if self.since else ""


def age(since):
    """How long ago: "3 days", or "under a minute" where timesince would say "0 minutes"."""
    if timezone.now() - since < timedelta(minutes=1):
        return gettext("under a minute")
    return timesince(since)


def _page_content_type():
    return ContentType.objects.get_for_model(Page)


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _pages_by_id(object_ids):
    pages = Page.objects.filter(pk__in=[int(pk) for pk in object_ids]).select_related("locale")
    return {str(page.pk): page for page in pages}


def _language(page, languages):
    return languages.get(page.locale.language_code, page.locale.language_code)


def _languages():
    return {locale.language_code: locale.get_display_name() for locale in Locale.objects.all()}


def my_drafts(user):
    """Pages whose latest revision is this person's, unpublished and not in review."""
    reviewing = WorkflowState.objects.active().filter(
        base_content_type=_page_content_type(),
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    pages = (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .exclude(Exists(reviewing))
        .select_related("locale", "latest_revision")
        .order_by("-latest_revision__created_at")[:LIST_LIMIT]
    )
    languages = _languages()
    return [
        WorkItem(
            title=page.get_admin_display_title(),
            url=_edit_url(page),
            language=_language(page, languages),
            since=page.latest_revision.created_at,
        )
        for page in pages
    ]


def _own_reviews(user, status):
    """The step each page this person submitted, whose review is at ``status``, is at (or
    was sent back from)."""
    return _page_task_states().filter(
        workflow_state__current_task_state=F("pk"),
        workflow_state__requested_by=user,
        workflow_state__status=status,
    )


def mine_in_review(user):
    """What this person submitted and is under review: at which step, since when."""
    return _task_state_rows(
        _own_reviews(user, WorkflowState.STATUS_IN_PROGRESS).order_by("started_at"),
        since=lambda ts: ts.started_at,
        person=lambda ts: None,
    )


def changes_requested(user):
    """What a reviewer sent back to this person: who, at which step, and what they said."""
    return _task_state_rows(
        _own_reviews(user, WorkflowState.STATUS_NEEDS_CHANGES).order_by("-finished_at"),
        since=lambda ts: ts.finished_at,
        person=lambda ts: ts.finished_by,
    )


def reviewed_tasks(user):
    """The active workflow tasks this person may approve or send back, looked up once per
    user object, as ``roles.group_names`` is: a dashboard asks for them in several panels."""
    tasks = getattr(user, "hub_reviewed_tasks", None)
    if tasks is None:
        tasks = list(Task.objects.filter(active=True).specific())
        if not user.is_superuser:
            group_ids = set(user.groups.values_list("pk", flat=True))
            tasks = [
                task
                for task in tasks
                if isinstance(task, AbstractGroupApprovalTask)
                and group_ids.intersection(task.groups.values_list("pk", flat=True))
            ]
        user.hub_reviewed_tasks = tasks
    return tasks


def review_actions(task, task_state, page, user):
    """(label, URL, opens a dialog) of each action ``user`` may take on this step: the
    buttons of Wagtail's own dashboard, posting to its workflow-action view. The task says
    which (the four-eyes task withholds Approve from the content's authors), at a few
    queries a row, so only the first ``LIST_LIMIT`` rows are listed."""
    return [
        (
            label,
            reverse("wagtailadmin_pages:workflow_action", args=(page.pk, name, task_state.pk)),
            launch_modal,
        )
        for name, label, launch_modal in task.get_actions(page, user)
    ]


def _task_state_rows(task_states, *, since, person, actions_for=None, flags_for=None):
    task_states = list(task_states[:LIST_LIMIT])
    tasks = {task.pk: task for task in reviewed_tasks(actions_for)} if actions_for else {}
    flags = review_flags(task_states, flags_for) if flags_for else {}
    pages = _pages_by_id(ts.workflow_state.object_id for ts in task_states)
    languages = _languages()
    progress = translation_progress(pages.values())
    rows = []
    for task_state in task_states:
        page = pages.get(task_state.workflow_state.object_id)
        if page is None:
            continue
        rows.append(
            WorkItem(
                title=page.get_admin_display_title(),
                url=_edit_url(page),
                language=_language(page, languages),
                step=task_state.task.name,
                person=get_user_display_name(person(task_state)),
                since=since(task_state),
                comment=task_state.comment,
                progress=progress.get(page.pk),
                actions=(
                    review_actions(tasks[task_state.task_id], task_state, page, actions_for)
                    if task_state.task_id in tasks
                    else ()
                ),
                flags=flags.get(task_state.pk, ()),
            )
        )
    return rows


def _page_task_states():
    return TaskState.objects.filter(
        workflow_state__base_content_type=_page_content_type()
    ).select_related("task", "workflow_state__requested_by", "finished_by")


def awaiting_review(user):
    """What waits for this person's review, oldest first."""
    task_states = _page_task_states().filter(
        status=TaskState.STATUS_IN_PROGRESS, task__in=[task.pk for task in reviewed_tasks(user)]
    )
    return _task_state_rows(
        task_states.order_by("started_at"),
        since=lambda ts: ts.started_at,
        person=lambda ts: ts.workflow_state.requested_by,
        actions_for=user,
        flags_for=user,
    )


def recently_reviewed(user):
    """What this person approved or sent back lately."""
    task_states = (
        _page_task_states()
        .filter(
            finished_by=user,
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .order_by("-finished_at")
    )
    return _task_state_rows(
        task_states,
        since=lambda ts: ts.finished_at,
        person=lambda ts: ts.workflow_state.requested_by,
    )


def review_queue(user):
    """Everything in review, by step and then oldest first (for site managers)."""
    task_states = (
        _page_task_states()
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .order_by("task__name", "started_at")
    )
    return _task_state_rows(
        task_states,
        since=lambda ts: ts.started_at,
        person=lambda ts: ts.workflow_state.requested_by,
        flags_for=user,
    )


def translation_progress(pages):
    """{page id: (translated segments, all segments)} of each translated page given.

    Counted per target language (a handful), not per page.
    """
    default_locale_id = Locale.get_default().pk
    translated_pages = [page for page in pages if page.locale_id != default_locale_id]
    translations = Translation.objects.filter(
        source__object_id__in=[page.translation_key for page in translated_pages],
        target_locale_id__in={page.locale_id for page in translated_pages},
    ).values_list("source_id", "source__object_id", "target_locale_id")
    source_of = {(key, locale_id): source_id for source_id, key, locale_id in translations}
    counts = {}
    for locale_id in {locale_id for *_ignored, locale_id in translations}:
        source_ids = [source for (_key, loc), source in source_of.items() if loc == locale_id]
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
        for row in (
            StringSegment.objects.filter(source_id__in=source_ids)
            .values("source_id")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(Exists(translated))))
        ):
            counts[(row["source_id"], locale_id)] = (row["done"], row["total"])
    return {
        page.pk: counts.get((source_of.get((page.translation_key, page.locale_id)), page.locale_id))
        for page in translated_pages
        if (page.translation_key, page.locale_id) in source_of
    }


def to_translate(user):
    """Per language in use, the pages a translator can bring up to date or start: out of
    date first (readers have the old text), then drafts, then missing, at most
    ``LIST_LIMIT`` each language, with the link into the translation editor (or
    wagtail-localize's Translate dialog with the language ticked, when there is none yet).

    Three queries a language, whatever the size of the site; snippets, a handful, are in
    the Translation status report the panel links to.
    """
    default = Locale.get_default()
    sources = Page.objects.filter(depth__gt=1, locale=default, alias_of__isnull=True)
    by_language = {}
    for locale in target_locales():
        language = locale.get_display_name()
        targets = Page.objects.filter(locale=locale, alias_of__isnull=True)
        last_sync = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale=default
        ).values("last_updated_at")
        out_of_date = sources.filter(
            translation_key__in=targets.values("translation_key"),
            last_published_at__gt=Subquery(last_sync[:1]),
        ).values_list("translation_key", flat=True)
        in_review = WorkflowState.objects.filter(
            base_content_type=_page_content_type(),
            object_id=Cast(OuterRef("pk"), CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        items = [
            WorkItem(title=page.title, url=_edit_url(page), language=language, step=step)
            for step, pages in (
                (STATUSES[OUT_OF_DATE], targets.filter(translation_key__in=out_of_date)),
                (
                    STATUSES[DRAFT],
                    targets.filter(Q(live=False) | Q(has_unpublished_changes=True))
                    .exclude(Exists(in_review))
                    .exclude(translation_key__in=out_of_date),
                ),
            )
            for page in pages.order_by("path")[:LIST_LIMIT]
        ][:LIST_LIMIT]
        missing = sources.exclude(translation_key__in=targets.values("translation_key"))
        select = urlencode({"select_locale": locale.language_code})
        items += [
            WorkItem(
                title=page.title,
                url=f"{translate_url(page)}?{select}",
                language=language,
                step=str(STATUSES[MISSING]),
            )
            for page in missing.order_by("path")[: LIST_LIMIT - len(items)]
        ]
        by_language[language] = items
    return by_language
