"""The bad-input corpus (tests/security/corpus/): no 500, no stack trace, nothing stored
for a refused request, no redirect off the site. Hypothesis adds generated values."""

from urllib.parse import quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from wagtail.contrib.forms.models import FormSubmission

from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
from surveys.models import PollVote, SurveyResponse
from tests.caches import empty_caches
from tests.security.conftest import live_page
from tests.security.corpus.cases import GROUPS, all_cases

STORED = (SurveyResponse, PollVote, FormSubmission)
TRACE_MARKERS = ("Traceback", 'File "/', "django.core.exceptions", "Exception Value")


def stored_rows():
    return {model.__name__: model.objects.count() for model in STORED}


def demo_urls():
    article = live_page("articlepage")
    return {
        "article": article.url,
        "article_id": str(article.pk),
        "survey": live_page("surveypage").url,
        "poll": live_page("pollpage").url,
        "support": live_page("supportpage").url,
        "funders": live_page("funderindexpage").url,
        "articles": live_page("articleindexpage").url,
    }


def fill(value, urls):
    if isinstance(value, str):
        for key, url in urls.items():
            value = value.replace("{" + key + "}", url)
    return value


def cookie_header(case):
    cookies = dict(case.cookies)
    if case.confirmed:
        cookies.setdefault(COOKIE_NAME, signed_confirmation())
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def send(case, urls):
    empty_caches()  # rate limits would otherwise answer most of the corpus with 429
    extra = {**case.headers, "HTTP_COOKIE": cookie_header(case)}
    url = fill(case.url, urls)
    client = Client()
    if isinstance(case.data, bytes):
        return client.generic(case.method, url, case.data, case.content_type, **extra)
    if case.method == "POST":
        data = {key: fill(value, urls) for key, value in (case.data or {}).items()}
        return client.post(url, data, **extra)
    return client.generic(case.method, url, **extra)


def problems_with(response, before):
    problems = []
    if response.status_code >= 500:
        problems.append(f"status {response.status_code}")
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    problems += [f"{marker!r} in body" for marker in TRACE_MARKERS if marker in body]
    if response.status_code >= 400 and stored_rows() != before:
        problems.append(f"stored rows for a refused request: {before} -> {stored_rows()}")
    location = response.get("Location", "")
    if location:
        target = urlsplit(location)
        if target.netloc not in ("", "testserver") or location.startswith(("//", "/\\")):
            problems.append(f"redirect off the site: {location!r}")
    return problems


def test_the_corpus_has_at_least_300_requests():
    assert len(all_cases()) >= 300


@pytest.mark.django_db
@pytest.mark.parametrize("group", sorted(GROUPS))
def test_no_hostile_request_breaks_the_site(demo, group):
    urls = demo_urls()
    failures = []
    for case in GROUPS[group]():
        before = stored_rows()
        try:
            response = send(case, urls)
        except Exception as error:  # noqa: BLE001 - every failure is reported with its case
            failures.append(f"{case.name}: raised {error!r}")
            continue
        failures += [f"{case.name}: {problem}" for problem in problems_with(response, before)]
    assert failures == []


hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
)
# What a header can carry: HTTP headers are bytes, which WSGI hands over as Latin-1.
header_text = st.text(
    alphabet=st.characters(max_codepoint=255, exclude_characters=";\r\n"), max_size=300
)
hypothesis_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@hypothesis_settings
@given(query=hostile_text, page=hostile_text)
def test_generated_search_queries(hcp_client, query, page):
    response = hcp_client.get(f"/en/search/?q={quote(query)}&page={quote(page)}")

    assert response.status_code in (200, 404)
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
@hypothesis_settings
@given(next_url=hostile_text)
def test_generated_return_urls_never_leave_the_site(client, next_url):
    empty_caches()
    response = client.post("/en/hcp-confirm/", {"next": next_url})

    assert response.status_code == 303
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert urlsplit(location).netloc == ""


@pytest.mark.django_db
@hypothesis_settings
@given(language=header_text, cookie=header_text)
def test_generated_language_headers(client, language, cookie):
    client.cookies["django_language"] = cookie
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 302
    assert urlsplit(response["Location"]).netloc == ""
