"""What the edge needs to check a reader's HCP confirmation as the app does.

nginx serves cached pages only to readers with a valid edge pass
(hub_site/cache/edge_pass.py), which it checks with its ``secure_link`` module. The policy
gives it, as an nginx include (deploy/nginx.conf):

- ``$hub_confirmation_lifetime``: each site's confirmation lifetime in seconds, by host
  name, and the default site's for any other host (Wagtail answers unknown hosts with the
  default site);
- ``$hub_edge_pass_secret``: the passes' secret, derived from ``SECRET_KEY`` (never the
  key itself);
- ``$hub_edge_ns``: the cache's namespace, part of every cache key. The edge starts a new
  one on ``PURGE <root>/*`` (deploy/edge/hub_edge.js), and keeps it when the app sends a
  new policy.

``manage.py edge_policy --write FILE`` writes it before nginx starts; ``--push`` sends it to
the running edges. The app pushes it again after each change to a gate setting, so that a
shortened lifetime ends older confirmations at the edge too: on the task queue, after the
commit, and again while an edge does not take it. nginx reloads when the file
changes (deploy/stack.py's watcher; a systemd path unit on a server, docs/deploy.md).
"""

import logging
import re
import urllib.request

from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import Site

from hub_site.cache import edge_pass
from hub_site.gate.models import DEFAULT_COOKIE_LIFETIME_DAYS, HcpGateSettings
from hub_site.queue import retry_later

logger = logging.getLogger(__name__)

DAY = 86400
PUSH_TIMEOUT_SECONDS = 5
# Tried for about a day (60 s apart at most) while an edge does not take it.
PUSH_ATTEMPTS = 1440
# Host names nginx's map takes as keys; others (and the map's own words) get the default.
MAP_KEY = re.compile(r"[a-z0-9][a-z0-9.-]*")
MAP_WORDS = {"default", "hostnames", "include", "volatile"}
NAMESPACE = re.compile(r"(map \$host \$hub_edge_ns \{\n    default )(\d+)(;)")


def policy():
    lifetimes = {}
    default_lifetime = DEFAULT_COOKIE_LIFETIME_DAYS * DAY
    for site in Site.objects.order_by("hostname", "port"):
        seconds = HcpGateSettings.for_site(site).cookie_lifetime_days * DAY
        hostname = site.hostname.lower()
        if MAP_KEY.fullmatch(hostname) and hostname not in MAP_WORDS:
            lifetimes.setdefault(hostname, seconds)
        if site.is_default_site:
            default_lifetime = seconds
    return {
        "lifetimes": lifetimes,
        "default_lifetime": default_lifetime,
        "secret": edge_pass.secret(),
    }


def render(current, namespace=0):
    """The policy as the nginx include deploy/edge/hub_edge.js also checks and edits."""
    lifetimes = "".join(
        f"    {host} {seconds};\n" for host, seconds in current["lifetimes"].items()
    )
    return (
        "# Hub CMS's edge policy (hub_site/cache/edge_policy.py), written by the app.\n"
        "map $host $hub_confirmation_lifetime {\n"
        f"    default {current['default_lifetime']};\n"
        f"{lifetimes}"
        "}\n"
        "map $host $hub_edge_pass_secret {\n"
        f"    default {current['secret']};\n"
        "}\n"
        "map $host $hub_edge_ns {\n"
        f"    default {namespace};\n"
        "}\n"
    )


def namespace_in(path):
    """The namespace the policy file at ``path`` holds, 0 without one."""
    try:
        with open(path) as file:
            found = NAMESPACE.search(file.read())
    except FileNotFoundError:
        return 0
    return int(found.group(2)) if found else 0


def write(path):
    # The namespace stays: copies kept under it by an earlier run are not served again.
    text = render(policy(), namespace_in(path))
    with open(path, "w") as file:
        file.write(text)


def push(current=None):
    """Send the policy (``current``, else read now) to every edge; True if each took it."""
    body = render(current or policy()).encode()
    pushed = True
    for url in settings.EDGE_POLICY_URLS:
        # EDGE_POLICY_URLS are the operator's own http(s) URLs, never a reader's.
        request = urllib.request.Request(url, data=body, method="PUT")  # noqa: S310
        request.add_header("Content-Type", "text/plain; charset=utf-8")
        try:
            with urllib.request.urlopen(request, timeout=PUSH_TIMEOUT_SECONDS):  # noqa: S310
                pass
        except OSError as error:
            pushed = False
            logger.error("could not send the confirmation policy to the edge %s: %s", url, error)
    return pushed


@task()
def push_task(attempt=0):
    """Send the policy as it is when the task runs; retried while an edge does not take it."""
    if push():
        return
    retry_later(push_task, attempt, attempts=PUSH_ATTEMPTS)


def push_after_commit(sender, **kwargs):
    if settings.EDGE_POLICY_URLS:
        transaction.on_commit(push_task.enqueue)


def connect():
    post_save.connect(push_after_commit, sender=HcpGateSettings, dispatch_uid="hub-edge-policy")
