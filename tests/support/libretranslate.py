"""A small LibreTranslate-compatible server on 127.0.0.1 for tests.

It speaks the parts of LibreTranslate's HTTP API that Hub CMS uses (``GET /languages``,
``POST /translate`` with JSON) and translates deterministically: words found in a small
dictionary are replaced and each text is prefixed with "[<target>] ". HTML tags are kept
as they are, as LibreTranslate does with ``format: "html"``.
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

DICTIONARIES = {
    "es": {
        "about": "acerca de",
        "us": "nosotros",
        "and": "y",
        "the": "el",
        "patients": "pacientes",
        "survival": "supervivencia",
        "welcome": "bienvenido",
    },
    "fr": {"and": "et", "patients": "patients", "welcome": "bienvenue"},
}
LANGUAGES = ["en", "es", "fr", "de", "it", "pt"]
TAG = re.compile(r"(<[^>]+>)")
WORD = re.compile(r"[A-Za-z]+")


def fake_translate(text, target, text_format="html"):
    dictionary = DICTIONARIES.get(target, {})

    def word(match):
        found = dictionary.get(match.group(0).lower())
        if found is None:
            return match.group(0)
        return found.capitalize() if match.group(0)[0].isupper() else found

    parts = TAG.split(text) if text_format == "html" else [text]
    prefixed = False
    for index, part in enumerate(parts):
        if part.startswith("<") and text_format == "html":
            continue
        translated = WORD.sub(word, part)
        if not prefixed and translated.strip():
            translated = translated.replace(
                translated.lstrip(), f"[{target}] " + translated.lstrip(), 1
            )
            prefixed = True
        parts[index] = translated
    return "".join(parts)


class LibreTranslateServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api_key=""):
        super().__init__(("127.0.0.1", 0), LibreTranslateHandler)
        self.api_key = api_key
        self.requests = []
        self.failing = False

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class LibreTranslateHandler(BaseHTTPRequestHandler):
    server: LibreTranslateServer

    def log_message(self, format, *args):  # http.server's signature
        """Keep test output quiet."""

    def send_json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.server.requests.append(("GET", self.path, None))
        if self.server.failing:
            return self.send_json(500, {"error": "Service unavailable"})
        if self.path.split("?")[0] != "/languages":
            return self.send_json(404, {"error": "Not found"})
        return self.send_json(
            200,
            [
                {
                    "code": code,
                    "name": code,
                    "targets": [other for other in LANGUAGES if other != code],
                }
                for code in LANGUAGES
            ],
        )

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        try:
            payload = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            return self.send_json(400, {"error": "Invalid JSON"})
        self.server.requests.append(("POST", self.path, payload))
        if self.server.failing:
            return self.send_json(500, {"error": "Service unavailable"})
        if self.path != "/translate":
            return self.send_json(404, {"error": "Not found"})
        if self.server.api_key and payload.get("api_key") != self.server.api_key:
            return self.send_json(403, {"error": "Invalid API key"})
        source, target = payload.get("source"), payload.get("target")
        if source not in LANGUAGES or target not in LANGUAGES or "q" not in payload:
            return self.send_json(400, {"error": "Invalid request"})
        text_format = payload.get("format", "text")
        texts = payload["q"]
        if isinstance(texts, list):
            translated = [fake_translate(text, target, text_format) for text in texts]
        else:
            translated = fake_translate(texts, target, text_format)
        return self.send_json(200, {"translatedText": translated})


@pytest.fixture
def libretranslate_server():
    """A running loopback LibreTranslate server; ``.url``, ``.requests``, ``.failing``."""
    server = LibreTranslateServer(api_key="test-key")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()
