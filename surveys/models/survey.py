from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    AbstractFormSubmission,
    FormMixin,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from hub_site.translation.fields import PAGE_TRANSLATABLE_FIELDS, translated
from surveys.answer_flow import OPEN, THANKS
from surveys.forms import LIKERT, SurveyFormBuilder
from surveys.survey_flow import SurveyFlow

from .answer_record import AnswerRecord

# Names the survey form posts besides the questions.
RESERVED_FIELD_NAMES = {"article", "csrfmiddlewaretoken"}
SURVEY_FIELD_CHOICES = (
    (LIKERT, _("Likert statement (5-point agreement scale)")),
    *FORM_FIELD_CHOICES,
)


class OutcomeMeasure(models.TextChoices):
    """What a statement's answers tell the outcomes report (Moore's levels of outcomes)."""

    SATISFACTION = "satisfaction", _("Satisfaction (Moore 2)")
    OBJECTIVES = "objectives", _("Learning objectives addressed (Moore 4)")
    PRACTICE_CHANGE = "practice_change", _("Intent to change practice (Moore 4)")


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """One question of a survey. Translated with its page; its name stays the same."""

    page = ParentalKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=SURVEY_FIELD_CHOICES
    )
    field_type.required_on_save = True
    measures = models.CharField(
        _("outcome measured"),
        max_length=16,
        choices=OutcomeMeasure.choices,
        default=OutcomeMeasure.SATISFACTION,
        help_text=_("For Likert statements: where the outcomes report counts the answers."),
    )

    panels = [*AbstractFormField.panels, FieldPanel("measures")]

    translatable_fields = [
        *translated("label", "help_text", "choices", "default_value"),
        # Answers are stored under clean_name: every language version must share it.
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("measures", overridable=False),
    ]

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) in RESERVED_FIELD_NAMES:
            raise ValidationError(
                {"label": _("This label is reserved by the survey form. Please reword it.")}
            )

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class SurveyPage(FormMixin, Page):
    """A feedback questionnaire built by editors from form fields, Likert statements included.

    Readers answer it at the foot of an article (``{% feedback_survey article %}``) or on
    the page itself; the form always posts here.
    """

    intro = models.TextField(
        _("intro"),
        blank=True,
        help_text=_("Shown above the questions, e.g. how to answer them."),
    )
    thank_you_text = models.CharField(
        _("thank-you message"),
        max_length=255,
        blank=True,
        help_text=_("Shown in place of the form once a reader has answered."),
    )

    form_builder = SurveyFormBuilder
    content_panels = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions"), min_num=1),
        FieldPanel("thank_you_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        *translated("intro", "thank_you_text", "form_fields"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    preview_modes = [("form", _("Form")), ("landing", _("Thank-you message"))]

    class Meta:
        verbose_name = _("survey page")

    def get_submission_class(self):
        return SurveyResponse

    def get_submissions(self):
        return super().get_submissions().select_related("article", "locale")

    def get_data_fields(self):
        return [
            *super().get_data_fields(),
            ("response_article", _("Article")),
            ("response_locale", _("Language")),
            ("response_reader_language", _("Read in (machine translation)")),
        ]

    def has_response_from(self, respondent, article):
        """Whether ``respondent`` answered this survey, in any language, on ``article``."""
        return SurveyResponse.objects.filter(
            survey_key=self.translation_key,
            article_key=article.translation_key if article else None,
            respondent=respondent,
        ).exists()

    def add_response(self, answers, *, article, respondent, reader_language):
        return SurveyResponse.objects.create(
            page=self,
            form_data=answers,
            article=article,
            locale_id=self.locale_id,
            survey_key=self.translation_key,
            article_key=article.translation_key if article else None,
            respondent=respondent,
            reader_language=reader_language,
        )

    def serve(self, request, *args, **kwargs):
        return SurveyFlow(self).serve(request)

    def serve_preview(self, request, mode_name):
        return SurveyFlow(self).render(request, state=THANKS if mode_name == "landing" else OPEN)


class SurveyResponse(AnswerRecord, AbstractFormSubmission):
    """One reader's answers to a survey, on one article, in one language.

    ``survey_key`` and ``article_key`` are the translation keys of the survey and the
    article: one response per reader per article covers every language version, and
    survives the article being deleted (``article`` is then emptied).
    """

    survey_key = models.UUIDField(_("survey translation key"), db_index=True)
    article_key = models.UUIDField(_("article translation key"), null=True, blank=True)

    # Results by article read the key kept here: a deleted article's answers still count.
    article_key_lookup = "article_key"

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey_key", "article_key", "respondent"],
                condition=models.Q(article_key__isnull=False),
                name="survey_response_once_per_article",
            ),
            models.UniqueConstraint(
                fields=["survey_key", "respondent"],
                condition=models.Q(article_key__isnull=True),
                name="survey_response_once_standalone",
            ),
        ]

    def get_data(self):
        return {
            **super().get_data(),
            "response_article": self.article.title if self.article else "",
            "response_locale": self.locale.language_code,
            "response_reader_language": self.reader_language,
        }
