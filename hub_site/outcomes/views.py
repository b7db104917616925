"""The learning-outcomes report in the admin: choose an article or a programme, then read
its figures, download them as CSV (``?export=csv``) or print them."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale

from articles.models import ArticlePage, Programme
from hub_site.outcomes.access import may_view_outcomes
from hub_site.outcomes.cells import suppression_note
from hub_site.outcomes.charts import knowledge_chart, likert_chart, participation_chart
from hub_site.outcomes.csv_export import csv_of
from hub_site.outcomes.figures import outcomes_report
from hub_site.outcomes.filters import ReportFilterForm
from hub_site.outcomes.scope import ARTICLE, article_scope, programme_scope
from hub_site.pagination import paginate

ARTICLES_PER_PAGE = 25
CSV = "csv"


class OutcomesAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_view_outcomes(request.user):
            # A 403 rather than PermissionDenied, which Wagtail's admin turns into a
            # redirect to the dashboard: the refusal is plain, and says who may see it.
            refusal = PermissionDenied(
                _("The learning-outcomes report is for site managers and compliance reviewers.")
            )
            return permission_denied(request, refusal)
        return super().dispatch(request, *args, **kwargs)


class OutcomesIndexView(OutcomesAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The programmes, and the articles (in the default language, newest first, found by
    title), each linking to its report."""

    template_name = "hub_outcomes/index.html"
    page_title = _("Learning outcomes")
    header_icon = "table"
    programme_columns = [
        TitleColumn("name", label=_("Programme"), url_name="hub_outcomes:programme"),
        Column(
            "grant_reference",
            label=_("Grant reference"),
            accessor=lambda programme: programme.grant_reference or "—",
        ),
        Column("article_count", label=_("Articles")),
    ]
    article_columns = [
        TitleColumn("title", label=_("Article"), url_name="hub_outcomes:article"),
        Column("date", label=_("Date")),
    ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        default = Locale.get_default()
        # PostgreSQL refuses a NUL in text: it could never match a title anyway.
        query = self.request.GET.get("q", "").replace("\x00", "").strip()
        articles = ArticlePage.objects.filter(locale=default).order_by("-date", "title")
        if query:
            articles = articles.filter(title__icontains=query)
        programmes = Programme.objects.annotate(
            article_count=Count("articles", filter=Q(articles__locale=default))
        )
        articles = paginate(
            articles.only("pk", "title", "date"), self.request.GET.get("p"), ARTICLES_PER_PAGE
        )
        context = super().get_context_data(**kwargs)
        context.update(
            programme_table=Table(self.programme_columns, programmes),
            article_table=Table(self.article_columns, articles),
            articles=articles,
            query=query,
        )
        return context


class ReportView(OutcomesAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """One article's or programme's report; bad filters get the form back with a 400."""

    template_name = "hub_outcomes/report.html"
    page_title = _("Learning outcomes")
    header_icon = "table"
    kind = ARTICLE

    def get(self, request, pk):
        self.scope = article_scope(pk) if self.kind == ARTICLE else programme_scope(pk)
        self.form = ReportFilterForm(request.GET)
        export = request.GET.get("export", "")
        if export not in ("", CSV):
            return self.refuse(_("The report can be exported only as CSV (export=csv)."))
        if not self.form.is_valid():
            return self.refuse()
        report = outcomes_report(self.scope, self.form.filters())
        if export == CSV:
            return csv_of(report)
        return self.render_to_response(self.get_context_data(report=report))

    def refuse(self, message=""):
        context = self.get_context_data(report=None, bad_request=message)
        return self.render_to_response(context, status=400)

    def get_page_subtitle(self):
        return self.scope.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("hub_outcomes:index"), "label": _("Learning outcomes")},
            {"url": "", "label": self.scope.kind_label, "sublabel": self.scope.title},
        ]

    def link(self, name, **extra):
        """The URL ``name`` of this scope, with the filters of this request and ``extra``."""
        query = self.request.GET.copy()
        query.pop("export", None)
        query.update(extra)
        url = reverse(f"hub_outcomes:{name}", args=[self.scope.pk])
        return f"{url}?{query.urlencode()}" if query else url

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Download CSV"), url=self.link(self.kind, export=CSV), icon_name="download"
            ),
            HeaderButton(
                _("Printable report"), url=self.link(f"{self.kind}_print"), icon_name="doc-full"
            ),
        ]

    def get_context_data(self, report, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            scope=self.scope,
            form=self.form,
            report=report,
            suppression_note=suppression_note(),
            charts=charts_of(report) if report else None,
        )
        return context


class PrintableReportView(ReportView):
    """The same figures on a page of their own, without the admin around them, to print
    or save as PDF for a funder's grant report."""

    template_name = "hub_outcomes/print.html"


def charts_of(report):
    knowledge = report.knowledge
    question_rows = [row for quiz in knowledge.quizzes for row in quiz.questions]
    return {
        "participation": participation_chart(report.total, "outcomes-participation-chart"),
        "knowledge": knowledge_chart(
            [knowledge.overall, *question_rows], "outcomes-knowledge-chart"
        ),
        "competence": likert_chart(
            report.agreement.competence,
            "outcomes-competence-chart",
            _("Competence and intent (Moore 4)"),
        ),
        "satisfaction": likert_chart(
            report.agreement.satisfaction, "outcomes-satisfaction-chart", _("Satisfaction")
        ),
    }
