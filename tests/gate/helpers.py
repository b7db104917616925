import time
from urllib.parse import urlencode

from django.core import signing

from wagtail.models import Locale

from hub_site.gate.cookies import CONFIRMED, COOKIE_NAME, SIGNING_SALT
from hub_site.gate.models import GateCopy
from tests.publishing import publish_certified

DAY = 24 * 60 * 60


class BackdatedSigner(signing.TimestampSigner):
    """Signs as the cookie signer did ``days_ago`` days ago (a confirmation given back then)."""

    def __init__(self, days_ago, **kwargs):
        self.days_ago = days_ago
        super().__init__(**kwargs)

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.days_ago * DAY))


def confirmation_signed_days_ago(days_ago):
    """A confirmation cookie value as the gate would have set it ``days_ago`` days ago."""
    cookie_key = signing.get_cookie_signer().key  # Django derives cookie keys from SECRET_KEY
    return BackdatedSigner(days_ago, key=cookie_key, salt=COOKIE_NAME + SIGNING_SALT).sign(
        CONFIRMED
    )


def gate_location(language, next_url):
    """Where the gate sends an unconfirmed reader who asked for ``next_url``."""
    return f"/{language}/hcp-confirm/?{urlencode({'next': next_url})}"


def publish_withdraw_label(label):
    """Publish the default language's gate copy with ``label`` on its withdraw link."""
    copy = GateCopy.built_in()
    copy.locale = Locale.get_default()
    copy.withdraw_label = label
    copy.save()
    publish_certified(copy.save_revision())
