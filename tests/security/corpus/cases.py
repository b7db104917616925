"""The corpus as requests. URLs may name demo pages as ``{article}``, ``{survey}``, ``{poll}``,
``{support}``, ``{funders}``, ``{articles}``; ``{article_id}`` is the article's id."""

from dataclasses import dataclass, field
from urllib.parse import quote

from . import payloads

HUGE_QUERY = "mrd " * 25_000  # 100,000 characters


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: str
    data: dict | bytes | None = None
    headers: dict = field(default_factory=dict)
    cookies: dict = field(default_factory=dict)
    content_type: str | None = None
    confirmed: bool = True  # as a reader who passed the HCP gate


def q(value):
    return quote(value, safe="")


def _return_urls():
    # Every parameter the site follows back: the gate's next (GET and POST), the language
    # switch's next, the admin login's next.
    for value in payloads.OPEN_REDIRECTS:
        yield Case(f"gate next GET {value!r}", "GET", f"/en/hcp-confirm/?next={q(value)}")
        yield Case(
            f"gate next POST {value!r}",
            "POST",
            "/en/hcp-confirm/",
            {"next": value},
            confirmed=False,
        )
        yield Case(
            f"setlang next {value!r}",
            "POST",
            "/i18n/setlang/",
            {"language": "es", "next": value},
        )
        yield Case(f"admin login next {value!r}", "GET", f"/admin/login/?next={q(value)}")


def _query_parameters():
    for value in payloads.SCRIPT + payloads.WRONG_TYPES + payloads.UNICODE_TRICKS:
        yield Case(f"search q={value!r}", "GET", f"/en/search/?q={q(value)}")
        yield Case(f"topic={value!r}", "GET", f"{{articles}}?topic={q(value)}")
        yield Case(f"page={value!r}", "GET", f"{{articles}}?page={q(value)}")
    for value in payloads.WRONG_TYPES + payloads.SCRIPT:
        yield Case(f"survey GET article={value!r}", "GET", f"{{survey}}?article={q(value)}")
        yield Case(f"search page={value!r}", "GET", f"/en/search/?q=mrd&page={q(value)}")
    yield Case("search 100,000 characters", "GET", f"/en/search/?q={q(HUGE_QUERY)}")
    yield Case("search duplicate q", "GET", "/en/search/?q=mrd&q=<script>&q=")
    yield Case("topic duplicate", "GET", "{articles}?topic=mrd&topic=../&page=1&page=2")
    yield Case(
        "invalid UTF-8 in query", "GET", "/en/search/", headers={"QUERY_STRING": "q=%ff%fe%c0"}
    )
    yield Case(
        "raw bytes in query", "GET", "/en/search/", headers={"QUERY_STRING": "q=\xff\xfe\x00"}
    )
    yield Case("NUL in query", "GET", "/en/search/?q=%00")
    yield Case("article with query junk", "GET", "{article}?%00=%00&a[]=1&a[b]=2")


FORM_ENCODED = "application/x-www-form-urlencoded"
# (what is wrong with it, the body, its Content-Type): posted to every form.
BAD_BODIES = (
    ("empty body", b"", "application/octet-stream"),
    ("huge body", b"x=" + b"A" * 3_000_000, FORM_ENCODED),
    ("JSON body", b'{"choice": 1}', "application/json"),
    ("invalid UTF-8 body", b"choice=%ff&article=\xff\xfe", FORM_ENCODED),
    ("NUL body", b"choice=\x00&article=%00&content_suggestion=a%00b", FORM_ENCODED),
    (
        "broken multipart",
        b"--x\r\nContent-Disposition: form-data\r\n\r\n",
        "multipart/form-data; boundary=x",
    ),
    ("multipart without boundary", b"abc", "multipart/form-data"),
    ("many fields", "&".join(f"f{i}=1" for i in range(20_000)).encode(), FORM_ENCODED),
    (
        "duplicate fields",
        b"choice=1&choice=2&article=1&article=x&next=/en/&next=//evil.example",
        FORM_ENCODED,
    ),
)


def _forms():
    values = payloads.SCRIPT + payloads.WRONG_TYPES + payloads.UNICODE_TRICKS
    for value in values:
        yield Case(
            f"poll choice={value!r}", "POST", "{poll}", {"choice": value, "article": "{article_id}"}
        )
        yield Case(f"poll article={value!r}", "POST", "{poll}", {"choice": "1", "article": value})
        yield Case(f"survey article={value!r}", "POST", "{survey}", {"article": value})
        yield Case(
            f"survey answers={value!r}", "POST", "{survey}", {"article": "{article_id}", "q": value}
        )
        yield Case(
            f"support suggestion={value!r}",
            "POST",
            "{support}",
            {"content_suggestion": value, "email": value, "impact_updates_consent": value},
        )
    for target in ("{poll}", "{survey}", "{support}", "/en/hcp-confirm/"):
        for label, body, content_type in BAD_BODIES:
            yield Case(f"{label} {target}", "POST", target, body, content_type=content_type)


def _paths_and_methods():
    for value in payloads.PATH_TRAVERSAL:
        yield Case(f"traversal /en/{value}", "GET", f"/en/{value}")
        yield Case(f"traversal documents {value}", "GET", f"/documents/1/{value}")
        yield Case(f"traversal static {value}", "GET", f"/static/{value}")
        yield Case(f"traversal media {value}", "GET", f"/media/{value}")
    for locale in payloads.LOCALES:
        yield Case(f"locale {locale!r}", "GET", f"/{q(locale)}/")
        yield Case(f"locale {locale!r} articles", "GET", f"/{q(locale)}/articles/")
    for tampered in ("0", "-1", "999999", "abc", "1.0", "%00"):
        yield Case(f"document id {tampered}", "GET", f"/documents/{tampered}/x.pdf")
    for url in (
        "/en/",
        "{article}",
        "{poll}",
        "{survey}",
        "{support}",
        "/en/search/",
        "/en/feed/",
        "/en/hcp-confirm/",
        "/en/hcp-confirm/withdraw/",
        "/healthz",
        "/robots.txt",
        "/.well-known/security.txt",
        "{funders}",
    ):
        for method in ("PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"):
            yield Case(f"{method} {url}", method, url)


def _headers_and_cookies():
    for value in payloads.ACCEPT_LANGUAGE:
        yield Case(
            f"Accept-Language {value[:30]!r}",
            "GET",
            "/",
            headers={"HTTP_ACCEPT_LANGUAGE": value},
            confirmed=False,
        )
        yield Case(
            f"language cookie {value[:30]!r}", "GET", "/", cookies={"django_language": value}
        )
    for value in payloads.SCRIPT + ["\x00", "a" * 4000, "x" * 10]:
        yield Case(
            f"gate cookie {value[:30]!r}",
            "GET",
            "/en/",
            cookies={"hcp_confirmed": value},
            confirmed=False,
        )
        yield Case(
            f"session cookie {value[:30]!r}",
            "POST",
            "{poll}",
            {"choice": "1"},
            cookies={"sessionid": value},
        )


GROUPS = {
    "return_urls": _return_urls,
    "query_parameters": _query_parameters,
    "forms": _forms,
    "paths_and_methods": _paths_and_methods,
    "headers_and_cookies": _headers_and_cookies,
}


def all_cases():
    return [case for group in GROUPS.values() for case in group()]
