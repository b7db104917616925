"""What the edge needs to check a reader's HCP confirmation as the app does.

nginx serves cached pages only to readers whose confirmation cookie it verified
(deploy/edge/hub_edge.js): the signature, with the keys the app signs and accepts
(``SECRET_KEY``, then each of ``SECRET_KEY_FALLBACKS``), and the age, against the gate's
lifetime for the site. The edge gets:

- the HMAC keys Django derives for this cookie from each secret key (Django's
  ``get_cookie_signer``: HMAC-SHA256 keyed with SHA-256 of the signer's salt, "signer",
  "django.http.cookies" and the secret), never the secret keys themselves. A test signs a
  cookie with Django and checks it with these keys, so a change in Django's scheme shows;
- each site's confirmation lifetime in seconds, by host name, and the default site's for
  any other host (Wagtail answers unknown hosts with the default site).

``manage.py edge_policy --write FILE`` writes it before nginx starts; ``--push`` sends it to
the running edges. The app pushes it again after each change to a gate setting, so that a
shortened lifetime ends older confirmations at the edge too.
"""

import hashlib
import json
import logging
import threading
import urllib.request

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import Site

from hub_site.gate.cookies import COOKIE_NAME, SIGNING_SALT
from hub_site.models import DEFAULT_COOKIE_LIFETIME_DAYS, HcpGateSettings

logger = logging.getLogger(__name__)

DAY = 86400
PUSH_TIMEOUT_SECONDS = 5


def signing_key(secret):
    salt = f"{COOKIE_NAME}{SIGNING_SALT}signer".encode()
    return hashlib.sha256(salt + b"django.http.cookies" + secret.encode()).hexdigest()


def policy():
    lifetimes = {}
    default_lifetime = DEFAULT_COOKIE_LIFETIME_DAYS * DAY
    for site in Site.objects.all():
        seconds = HcpGateSettings.for_site(site).cookie_lifetime_days * DAY
        lifetimes[site.hostname] = seconds
        if site.is_default_site:
            default_lifetime = seconds
    return {
        "keys": [signing_key(key) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]],
        "lifetimes": lifetimes,
        "default_lifetime": default_lifetime,
    }


def write(path):
    with open(path, "w") as file:
        json.dump(policy(), file)


def push(current=None):
    """Send the policy (``current``, else read now) to every edge; True if each took it."""
    body = json.dumps(current or policy()).encode()
    pushed = True
    for url in settings.EDGE_POLICY_URLS:
        # EDGE_POLICY_URLS are the operator's own http(s) URLs, never a reader's.
        request = urllib.request.Request(url, data=body, method="PUT")  # noqa: S310
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=PUSH_TIMEOUT_SECONDS):  # noqa: S310
                pass
        except OSError as error:
            pushed = False
            logger.error("could not send the confirmation policy to the edge %s: %s", url, error)
    return pushed


def push_after_commit(sender, **kwargs):
    if settings.EDGE_POLICY_URLS:
        transaction.on_commit(push_in_background)


def push_in_background():
    # Read here, in the request's thread and connection; sent without making it wait.
    threading.Thread(target=push, args=(policy(),), name="edge-policy").start()


def connect():
    post_save.connect(push_after_commit, sender=HcpGateSettings, dispatch_uid="hub-edge-policy")
