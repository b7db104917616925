"""Admin views: results of surveys and polls, and their CSV exports."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from surveys import results
from surveys.models import PollPage, SurveyPage


def result_pages_for_user(user):
    """Survey and poll pages whose results ``user`` may see: the pages they may edit."""
    policy = policy_registry.get_by_type(Page)
    return (
        policy.instances_user_has_permission_for(user, "change")
        .type(SurveyPage, PollPage)
        .specific()
    )


class ResultsIndexView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Survey results")
    header_icon = "form"
    template_name = "surveys/admin/results_index.html"
    columns = [
        TitleColumn(
            "title",
            label=_("Title"),
            accessor=lambda row: row["page"].get_admin_display_title(),
            get_url=lambda row: row["url"],
        ),
        Column(
            "type",
            label=_("Type"),
            accessor=lambda row: _("Poll") if row["is_poll"] else _("Survey"),
        ),
        Column("answers", label=_("Answers (all languages)")),
    ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        default_locale = Locale.get_default()
        pages = sorted(
            result_pages_for_user(self.request.user).select_related("locale"),
            key=lambda page: (page.locale_id != default_locale.pk, page.title),
        )
        # One row per survey or poll, whichever its languages: its results cover them all.
        rows = {}
        for page in pages:
            rows.setdefault(page.translation_key, page)
        keys = list(rows)
        # Responses and votes purged after the retention period still count.
        answers = results.SurveyAnswers.totals(keys)
        answers.update(results.PollAnswers.totals(keys))
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            {
                "page": page,
                "is_poll": isinstance(page, PollPage),
                "answers": answers.get(key, 0),
                "url": reverse("surveys_results:page", args=[page.pk]),
            }
            for key, page in rows.items()
        ]
        context["table"] = Table(self.columns, context["rows"])
        return context


class PageResultsMixin:
    """Loads the survey or poll of the URL, checks the editor may edit it, reads filters."""

    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id).specific
        if not isinstance(page, SurveyPage | PollPage):
            raise Http404
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.page = page
        self.is_poll = isinstance(page, PollPage)
        self.answers = results.answers_of(page)
        keys = self.answers.article_keys()
        self.filter_form = results.ResultsFilterForm(
            request.GET, article_choices=results.article_choices(keys, page.locale)
        )
        self.filters = self.filter_form.filters()
        return super().dispatch(request, *args, **kwargs)


class ResultsView(PageResultsMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Results")
    header_icon = "form"
    template_name = "surveys/admin/results.html"

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("surveys_results:index"), "label": _("Survey results")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.urlencode()
        context.update(
            page=self.page,
            is_poll=self.is_poll,
            filter_form=self.filter_form,
            csv_url=reverse("surveys_results:csv", args=[self.page.pk])
            + (f"?{query}" if query else ""),
            translations=self.page.get_translations(inclusive=True).select_related("locale"),
        )
        if self.is_poll:
            rows, total = self.page.results(**self.filters)
            context.update(poll_rows=rows, total=total)
        else:
            questions, total = results.survey_results(
                self.page,
                self.answers.rows(**self.filters),
                results.purged_survey_answers(self.page, **self.filters),
            )
            context.update(questions=questions, total=total, shown=results.FREE_TEXT_SHOWN)
        return context


class ResultsCsvView(PageResultsMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        return self.answers.csv(**self.filters)
