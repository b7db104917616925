"""Where each language of a release stands: what it waits for, on whom, since when."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState

from hub_site.releases.models import Release, ReleaseLanguage
from hub_site.workflows.roles import TRANSLATORS


@dataclass(frozen=True)
class LanguageProgress:
    language: ReleaseLanguage
    state: str
    waiting_on: str
    since: datetime | None
    page: Page | None

    @property
    def locale(self):
        return self.language.locale

    @property
    def is_approved(self):
        return self.language.is_approved


def groups_of(task):
    groups = getattr(task.specific, "groups", None)
    return ", ".join(group.name for group in groups.all()) if groups is not None else ""


def original_progress(release):
    """What the original waits for before its translations can start."""
    if release.revision_id is not None:
        return _("Approved"), "", release.approved_at
    state = (
        WorkflowState.objects.active()
        .for_instance(release.page)
        .select_related("current_task_state__task")
        .first()
    )
    if state is None or state.current_task_state is None:
        return _("Not submitted for review yet"), _("Editors"), release.opened_at
    task_state = state.current_task_state
    return (
        _("In review: %(task)s") % {"task": task_state.task.name},
        groups_of(task_state.task),
        task_state.started_at,
    )


def language_progress(release):
    """One LanguageProgress per language of the release, in language order: three queries,
    and the reviewing groups of each language in review."""
    languages = list(release.languages.select_related("locale"))
    pages = {
        page.locale_id: page
        for page in Page.objects.filter(
            translation_key=release.page.translation_key,
            locale_id__in=[language.locale_id for language in languages],
        )
    }
    states = latest_workflow_states(release, pages.values())
    return [
        progress_of(
            release,
            language,
            pages.get(language.locale_id),
            states.get(pages[language.locale_id].pk) if language.locale_id in pages else None,
        )
        for language in languages
    ]


def latest_workflow_states(release, pages):
    """{page id: its newest workflow state since the original's change was approved}."""
    if release.approved_at is None:
        return {}
    states = {}
    for state in (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
            created_at__gte=release.approved_at,
        )
        .select_related("current_task_state__task")
        .order_by("-created_at")
    ):
        states.setdefault(int(state.object_id), state)
    return states


def progress_of(release, language, page, state):
    if not language.included:
        return LanguageProgress(language, _("Left out: goes live on its own"), "", None, page)
    if language.is_approved:
        return LanguageProgress(language, _("Approved"), "", language.approved_at, page)
    if release.revision_id is None:
        return LanguageProgress(
            language, _("Waits for the original's approval"), "", release.opened_at, page
        )
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state
        return LanguageProgress(
            language,
            _("In review: %(task)s") % {"task": task_state.task.name},
            groups_of(task_state.task),
            task_state.started_at,
            page,
        )
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return LanguageProgress(
            language,
            _("Changes requested"),
            TRANSLATORS,
            state.current_task_state.finished_at,
            page,
        )
    return LanguageProgress(language, _("Translating"), TRANSLATORS, release.approved_at, page)


def open_releases():
    return Release.objects.filter(status=Release.OPEN).select_related("page", "revision")
