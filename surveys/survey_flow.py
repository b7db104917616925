"""A survey's answers: once per reader per article (``surveys.answer_flow``)."""

from django.utils.translation import gettext_lazy as _

from surveys.answer_flow import OPEN, UNAVAILABLE, AnswerFlow
from surveys.forms import LIKERT_LEVELS, survey_sections


class SurveyFlow(AnswerFlow):
    body_template = "surveys/includes/survey_body.html"
    part_url_name = "surveys:survey_reader_part"
    invalid_message = _("Your answers were not sent. Please correct the questions marked below.")
    anchor = "feedback"

    def target(self, article):
        return f"survey:{self.page.translation_key}:{article.translation_key if article else '-'}"

    def action(self, request):
        return self.page.get_url(request)

    def form(self, request, data=None, files=None):
        return self.page.get_form(data, files, page=self.page, user=request.user)

    def has_answered(self, article, respondent):
        return self.page.has_response_from(respondent, article)

    def store(self, form, **answer):
        self.page.add_response(form.cleaned_data, **answer)

    def refused_state(self, form, error):
        # The reader corrects the answers they sent; any other refusal leaves nothing to
        # answer here until they come back from the article.
        if form is not None:
            return OPEN
        return UNAVAILABLE if error is not None else None

    def kind_context(self, request, state, form, article):
        return {
            "survey": self.page,
            "sections": survey_sections(form) if form is not None else [],
            "likert_levels": LIKERT_LEVELS,
        }
