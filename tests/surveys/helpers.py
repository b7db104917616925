from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from surveys.notices import reader_notice

# The clean names of the seed survey's four statements and its comment box.
STATEMENT_NAMES = [
    "the_content_was_clear_and_easy_to_understand",
    "the_content_addressed_the_learning_objectives",
    "the_content_was_relevant_to_my_practice",
    "i_will_change_my_clinical_practice_as_a_result_of_this_content",
]
COMMENTS = "any_other_comments"


def answers(levels=(4, 5, 3, 2), comments="", **extra):
    data = {name: str(level) for name, level in zip(STATEMENT_NAMES, levels, strict=True)}
    data[COMMENTS] = comments
    data.update(extra)
    return data


def render_tags(source, client=None, language="en", **context):
    """Render survey template tags as the reader behind ``client`` (with their cookies),
    in ``language`` as LocaleMiddleware would have activated it for the page."""
    request = RequestFactory().get(f"/{language}/")
    if client is not None:
        request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    request.session = SessionStore()
    request.user = None
    with translation.override(language):
        html = Template("{% load survey_tags %}" + source).render(
            Context({"request": request, **context})
        )
    # What ReaderCookieMiddleware would send back: a notice shown is gone next time.
    notice = reader_notice(request)
    if client is not None and notice.changed and notice.target is None:
        del client.cookies[settings.READER_NOTICE_COOKIE_NAME]
    return html
