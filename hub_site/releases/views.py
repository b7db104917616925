from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.models import Locale, Page

from hub_site.releases.forms import ReleasePlanForm, ReleaseWithoutWaitingForm
from hub_site.releases.holding import (
    is_original,
    open_release,
    open_release_of,
    translation_locale_ids,
)
from hub_site.releases.models import Release
from hub_site.releases.progress import language_progress, open_releases, original_progress
from hub_site.releases.publishing import publish_release, release_if_ready
from hub_site.workflows.roles import is_site_manager

RECENT = 20


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=(page_id,))


class RowHeaderColumn(TitleColumn):
    """The column naming each row: its cells are row headers, linked where there is a URL."""

    cell_template_name = "hub_releases/tables/row_header_cell.html"


class SinceColumn(Column):
    """How long ago, with the moment itself in a ``<time>`` element."""

    cell_template_name = "hub_releases/tables/since_cell.html"


LANGUAGE_COLUMNS = [
    RowHeaderColumn(
        "locale",
        label=gettext_lazy("Language"),
        accessor=lambda row: row.locale.get_display_name(),
        get_url=lambda row: page_edit_url(row.page.pk) if row.page else None,
    ),
    Column("state", label=gettext_lazy("State")),
    Column(
        "waiting_on", label=gettext_lazy("Waiting on"), accessor=lambda row: row.waiting_on or "—"
    ),
    SinceColumn("since", label=gettext_lazy("Since")),
]

RECENT_COLUMNS = [
    RowHeaderColumn(
        "page",
        label=gettext_lazy("Page"),
        accessor=lambda release: release.page.get_admin_display_title(),
        get_url=lambda release: page_edit_url(release.page_id),
    ),
    Column(
        "status",
        label=gettext_lazy("Outcome"),
        accessor=lambda release: release.get_status_display(),
    ),
    Column(
        "released_at",
        label=gettext_lazy("When"),
        accessor=lambda release: release.released_at or "—",
    ),
    Column(
        "released_by", label=gettext_lazy("By"), accessor=lambda release: release.released_by or "—"
    ),
    Column("reason", label=gettext_lazy("Reason"), accessor=lambda release: release.reason or "—"),
]


def language_table(languages):
    """Where each language of a release stands (LanguageProgress rows)."""
    return Table(
        LANGUAGE_COLUMNS,
        languages,
        classname="listing release-languages",
        caption=gettext_lazy("Languages of the release"),
    )


def may_view_releases(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def may_plan(user, page):
    return is_site_manager(user) or page.permissions_for_user(user).can_edit()


@require_GET
def release_list(request):
    """The open releases: which languages wait, on whom, since when."""
    if not may_view_releases(request.user):
        raise PermissionDenied
    rows = [
        {
            "release": release,
            "original": original_progress(release),
            "languages": language_table(language_progress(release)),
        }
        for release in open_releases()
    ]
    recent = (
        Release.objects.exclude(status=Release.OPEN)
        .select_related("page", "released_by")
        .order_by("-released_at", "-pk")[:RECENT]
    )
    return TemplateResponse(
        request,
        "hub_releases/release_list.html",
        {"rows": rows, "recent": Table(RECENT_COLUMNS, recent)},
    )


@require_http_methods(["GET", "POST"])
def page_release(request, page_id):
    """A page's open release: its languages and schedule; released without waiting by a
    site manager."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_view_releases(request.user):
        raise PermissionDenied
    if not is_original(page) or (
        not translation_locale_ids(page) and open_release_of(page) is None
    ):
        messages.error(request, _("Only an original page with translations has a release."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    release = open_release_of(page)
    plan_form = without_waiting_form = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "plan":
            plan_form, status = plan(request, page, release)
        elif action == "release_without_waiting":
            without_waiting_form, status = release_without_waiting(request, page, release)
        else:
            messages.error(request, _("Unknown action."))
            status = 400
        if status == 302:
            return redirect(request.path)
        release = open_release_of(page)
    languages = language_progress(release) if release else []
    if plan_form is None:
        plan_form = plan_form_for(request, page, release)
    if without_waiting_form is None and release and release.revision_id:
        without_waiting_form = ReleaseWithoutWaitingForm()
    context = {
        "page": page,
        "release": release,
        "original": original_progress(release) if release else None,
        "languages": language_table(languages),
        "plan_form": plan_form if may_plan(request.user, page) else None,
        "without_waiting_form": without_waiting_form if is_site_manager(request.user) else None,
    }
    return TemplateResponse(request, "hub_releases/page_release.html", context, status=status)


@dataclass(frozen=True)
class PlannedLanguage:
    """A language of a release not opened yet: every one is included by default."""

    locale: Locale
    included: bool = True

    @property
    def locale_id(self):
        return self.locale.pk


def plan_form_for(request, page, release, data=None):
    if release is None:
        languages = [
            PlannedLanguage(locale)
            for locale in Locale.objects.filter(pk__in=translation_locale_ids(page))
        ]
    else:
        languages = list(release.languages.select_related("locale"))
    initial = {
        "languages": [str(language.locale_id) for language in languages if language.included],
        "go_live_at": release.go_live_at if release else None,
    }
    return ReleasePlanForm(
        data,
        initial=initial,
        release_languages=languages,
        may_leave_out=(
            release is None or release.revision_id is None or is_site_manager(request.user)
        ),
    )


def plan(request, page, release):
    """Save the languages and schedule; returns (form, status)."""
    if not may_plan(request.user, page):
        raise PermissionDenied
    form = plan_form_for(request, page, release, data=request.POST)
    if not form.is_valid():
        messages.error(request, _("The release could not be saved: see below."))
        return form, 400
    with transaction.atomic():
        release = open_release(page, request.user)
        chosen = form.cleaned_data["languages"]
        for language in release.languages.all():
            included = str(language.locale_id) in chosen
            if language.included != included:
                language.included = included
                language.save(update_fields=["included"])
        release.go_live_at = form.cleaned_data["go_live_at"]
        release.save(update_fields=["go_live_at"])
        released = release_if_ready(release, request.user)
    messages.success(
        request,
        _("Released in every chosen language.") if released else _("The release is saved."),
    )
    return form, 302


def release_without_waiting(request, page, release):
    """A site manager releases the approved original now, with the languages approved so
    far; returns (form, status)."""
    if not is_site_manager(request.user):
        raise PermissionDenied
    form = ReleaseWithoutWaitingForm(request.POST)
    if release is None or release.revision_id is None:
        messages.error(request, _("Nothing is approved to release yet."))
        return form, 400
    if not form.is_valid():
        messages.error(request, _("Say why the original cannot wait."))
        return form, 400
    publish_release(release, request.user, without_waiting_reason=form.cleaned_data["reason"])
    messages.success(request, _("Released without waiting for the other languages."))
    return form, 302
