"""What the edge gets to check the HCP confirmation (hub_site/cache/edge_policy.py): the
edge pass's secret, the gate's lifetimes and the cache's namespace, as an nginx include,
sent again when they change."""

import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Site

from deploy.stack import VARIANT_PARAMETERS
from hub_site.cache import edge_pass, edge_policy
from hub_site.gate.models import HcpGateSettings

pytestmark = pytest.mark.django_db


def mapped(text, variable):
    """{key: value} of the nginx map that sets ``variable`` in the policy ``text``."""
    block = re.search(r"map \$host \$" + variable + r" \{\n(.*?)\}", text, re.S).group(1)
    return dict(line.strip().rstrip(";").split(" ", 1) for line in block.splitlines())


def test_the_secret_is_derived_from_the_key_and_changes_with_it():
    with override_settings(SECRET_KEY="the-current-key-" + "c" * 40):
        text = edge_policy.render(edge_policy.policy())
        current = edge_pass.secret()
    with override_settings(SECRET_KEY="the-next-key-" + "n" * 40):
        rotated = edge_pass.secret()

    assert mapped(text, "hub_edge_pass_secret") == {"default": current}
    assert re.fullmatch("[0-9a-f]{64}", current) and rotated != current
    # Derived only: the secret key itself never leaves the app.
    assert "the-current-key" not in text


def test_the_lifetimes_are_the_gates(home_site):
    gate = HcpGateSettings.for_site(home_site)
    gate.cookie_lifetime_days = 7
    gate.save()

    lifetimes = mapped(edge_policy.render(edge_policy.policy()), "hub_confirmation_lifetime")

    assert lifetimes == {"default": str(7 * 86400), home_site.hostname: str(7 * 86400)}


@pytest.mark.parametrize("hostname", ["evil; } include /etc/passwd; map", "include", "Ünï.example"])
def test_a_host_name_nginx_could_misread_gets_the_default_lifetime(home_site, hostname):
    Site.objects.create(hostname=hostname, port=8080, root_page=home_site.root_page)

    text = edge_policy.render(edge_policy.policy())

    assert set(mapped(text, "hub_confirmation_lifetime")) == {"default", home_site.hostname}


def test_writing_keeps_the_namespace_the_edge_started(tmp_path):
    path = tmp_path / "policy.conf"
    path.write_text(edge_policy.render(edge_policy.policy(), namespace=41))

    call_command("edge_policy", "--write", str(path))

    assert mapped(path.read_text(), "hub_edge_ns") == {"default": "41"}


@pytest.fixture
def home_site(db):
    return Site.objects.get(is_default_site=True)


class PolicyReceiver(BaseHTTPRequestHandler):
    received = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        PolicyReceiver.received.append((self.path, body.decode()))
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
    lifetimes = mapped(edge_receiver[0][1], "hub_confirmation_lifetime")
    assert lifetimes[home_site.hostname] == str(2 * 86400)


def test_the_command_writes_and_sends_the_policy(tmp_path, home_site, edge_receiver):
    call_command("edge_policy", "--write", str(tmp_path / "policy.conf"))
    call_command("edge_policy", "--push")

    written = (tmp_path / "policy.conf").read_text()
    assert written == edge_receiver[0][1] == edge_policy.render(edge_policy.policy())


def test_nginx_keys_its_cache_on_the_parameters_the_app_renders_pages_from():
    assert VARIANT_PARAMETERS == settings.PAGE_VARIANT_PARAMETERS
