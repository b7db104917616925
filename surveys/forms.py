"""Reader forms: the Likert question type for survey pages, the poll vote form, the quiz form."""

import django.forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import FormBuilder

LIKERT = "likert"
# Stored as the number, so answers from every language version add up in the results.
LIKERT_LEVELS = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
FREE_TEXT_TYPES = ("singleline", "multiline")
MULTILINE_MAX_LENGTH = 2000


class LikertRadioSelect(django.forms.RadioSelect):
    """The five agreement levels as real radio inputs, each with its own label."""

    template_name = "surveys/forms/widgets/likert.html"
    option_template_name = "surveys/forms/widgets/likert_option.html"


class LikertField(django.forms.TypedChoiceField):
    """A statement answered on a 5-point agreement scale, rendered as a fieldset."""

    widget = LikertRadioSelect

    def __init__(self, **kwargs):
        kwargs["template_name"] = "surveys/forms/likert_field.html"
        kwargs.setdefault("choices", LIKERT_LEVELS)
        kwargs.setdefault("coerce", int)
        kwargs.setdefault("empty_value", None)
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Please choose how much you agree with this statement."),
                "invalid_choice": _("Please choose one of the five levels of agreement."),
            },
        )
        super().__init__(**kwargs)


class SurveyFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["template_name"] = "surveys/forms/field.html"
        return options

    def create_likert_field(self, field, options):
        # A pre-selected level would bias the answer.
        options.pop("initial", None)
        return LikertField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)


def survey_sections(form):
    """Group consecutive Likert statements so they render as one matrix.

    Returns a list of ``{"likert": bool, "fields": [BoundField, ...]}``; non-Likert fields
    each get a section of their own.
    """
    sections = []
    for bound_field in form:
        is_likert = isinstance(bound_field.field, LikertField)
        if is_likert and sections and sections[-1]["likert"]:
            sections[-1]["fields"].append(bound_field)
        else:
            sections.append({"likert": is_likert, "fields": [bound_field]})
    return sections


class PollChoiceField(django.forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class PollVoteForm(django.forms.Form):
    choice = PollChoiceField(
        queryset=None,
        widget=django.forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Please choose an answer before voting."),
            "invalid_choice": _("That answer is not one of this poll's choices."),
        },
    )

    def __init__(self, poll, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["choice"].queryset = poll.choices.all()
        self.fields["choice"].label = poll.question
        self.auto_id = f"poll-{poll.pk}-%s"


class QuizForm(django.forms.Form):
    """One attempt at a quiz: a choice for every question, each a fieldset of radio inputs.

    Fields are named by the question's id (the same in every language), and the form is
    prefixed by the phase, so the quiz before and after reading never share an id on a page.
    """

    def __init__(self, questions, phase, data=None):
        super().__init__(data, prefix=phase, label_suffix="")
        self.questions = questions
        for question in questions:
            self.fields[question.id] = django.forms.ChoiceField(
                label=question.text,
                choices=[(choice.id, choice.label) for choice in question.choices],
                widget=django.forms.RadioSelect,
                template_name="surveys/forms/field.html",
                error_messages={
                    "required": _("Please choose an answer to this question."),
                    "invalid_choice": _("That answer is not one of this question's choices."),
                },
            )

    def chosen(self):
        """{question id: the id of the choice given}."""
        return {question.id: self.cleaned_data[question.id] for question in self.questions}
