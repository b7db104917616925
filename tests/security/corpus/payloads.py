"""Hostile values, grouped by what they attack."""

OPEN_REDIRECTS = [
    "//evil.example",
    "//evil.example/%2e%2e",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%2f%2fevil.example",
    "/%5cevil.example",
    "%2F%2Fevil.example",
    "http://testserver@evil.example/",
    "/\tevil.example",
    "/\r\nLocation: https://evil.example",
    "///evil.example",
    "https:/evil.example",
    " //evil.example",
    "/en/\x00//evil.example",
    "\u3002evil.example",
]

SCRIPT = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<img src=x onerror=alert(1)>",
    "'\"--></style></script><script>alert(1)</script>",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${7*7}",
]

WRONG_TYPES = [
    "",
    "0",
    "-1",
    "99999999999999999999999999",
    "1.5",
    "1e309",
    "NaN",
    "[]",
    "{}",
    "null",
    "true",
    "0x10",
    "１２",  # full-width digits
    "١٢",  # Arabic-Indic digits
    "1; DROP TABLE wagtailcore_page;--",
    "' OR '1'='1",
]

UNICODE_TRICKS = [
    "\x00",
    "a\x00b",
    "\ufeffmrd",
    "\u202emrd",
    "m\u0301rd",
    "🤯",
    "\u200b\u200b",
    "ﬁ",
    "Ⅻ",
    "İ",
    "\uffff",
    "a" * 5000,
]

PATH_TRAVERSAL = [
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/settings/base.py",
    "....//....//etc/passwd",
    "..\\..\\windows\\win.ini",
    "%00",
    "%ff%fe",
    "%c0%ae%c0%ae/",
]

LOCALES = ["xx", "EN", "en-us", "zz-ZZ", "../en", "en%00", "e", "", "sr-Latn", "☃"]

ACCEPT_LANGUAGE = [
    "*",
    "xx",
    "en;q=abc",
    "en;q=1e400",
    ";;;,,,",
    "a" * 5000,
    "es-" * 1000,
    "\x00",
    "de-DE-u-co-phonebk-x-private-" * 20,
    "pt;q=0.9, *;q=0.1, ;q=",
]
