"""What the edge gets to check the HCP confirmation (hub_site/cache/edge_policy.py): keys
that verify the cookies Django signs, the gate's lifetimes, sent again when they change."""

import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Site

from deploy.stack import VARIANT_PARAMETERS
from hub_site.cache import edge_policy
from hub_site.gate.cookies import signed_confirmation
from hub_site.models import HcpGateSettings

pytestmark = pytest.mark.django_db


def verifies(key_hex, cookie_value):
    """The edge's check (deploy/edge/hub_edge.js), in Python."""
    value, timestamp, signature = cookie_value.split(":")
    digest = hmac.new(bytes.fromhex(key_hex), f"{value}:{timestamp}".encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode() == signature


@override_settings(
    SECRET_KEY="the-current-key-" + "c" * 40, SECRET_KEY_FALLBACKS=["old-" + "o" * 40]
)
def test_the_keys_verify_what_django_signs_now_and_before_the_rotation():
    keys = edge_policy.policy()["keys"]
    current = signed_confirmation()
    with override_settings(SECRET_KEY="old-" + "o" * 40):
        previous = signed_confirmation()
    with override_settings(SECRET_KEY="never-ours-" + "n" * 40):
        foreign = signed_confirmation()

    assert verifies(keys[0], current)
    assert verifies(keys[1], previous)
    assert not any(verifies(key, foreign) for key in keys)
    # Derived keys only: the secret keys themselves never leave the app.
    assert settings.SECRET_KEY not in json.dumps(edge_policy.policy())


def test_the_lifetimes_are_the_gates(home_site):
    gate = HcpGateSettings.for_site(home_site)
    gate.cookie_lifetime_days = 7
    gate.save()

    policy = edge_policy.policy()

    assert policy["lifetimes"][home_site.hostname] == 7 * 86400
    assert policy["default_lifetime"] == 7 * 86400


@pytest.fixture
def home_site(db):
    return Site.objects.get(is_default_site=True)


class PolicyReceiver(BaseHTTPRequestHandler):
    received = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        PolicyReceiver.received.append((self.path, json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def edge_receiver(settings):
    server = HTTPServer(("127.0.0.1", 0), PolicyReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PolicyReceiver.received = []
    settings.EDGE_POLICY_URLS = [f"http://127.0.0.1:{server.server_port}/__edge/policy"]
    yield PolicyReceiver.received
    server.shutdown()


def test_a_changed_lifetime_is_sent_to_the_edge_after_the_commit(
    home_site, edge_receiver, django_capture_on_commit_callbacks
):
    gate = HcpGateSettings.for_site(home_site)
    with django_capture_on_commit_callbacks(execute=True):
        gate.cookie_lifetime_days = 2
        gate.save()
    for thread in threading.enumerate():
        if thread.name == "edge-policy":
            thread.join(5)

    assert [path for path, _ in edge_receiver] == ["/__edge/policy"]
    assert edge_receiver[0][1]["lifetimes"][home_site.hostname] == 2 * 86400


def test_the_command_writes_and_sends_the_policy(tmp_path, home_site, edge_receiver):
    call_command("edge_policy", "--write", str(tmp_path / "policy.json"))
    call_command("edge_policy", "--push")

    written = json.loads((tmp_path / "policy.json").read_text())
    assert written == edge_receiver[0][1] == edge_policy.policy()


def test_nginx_keys_its_cache_on_the_parameters_the_app_renders_pages_from():
    assert VARIANT_PARAMETERS == settings.PAGE_VARIANT_PARAMETERS
