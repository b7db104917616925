"""Publishing in test set-up: content as it was live before certification existed.

Nothing goes live without a certificate (hub_site/certification/guard.py). Tests of other
features need published pages without walking each through review, so they record the
revision the way ``manage.py record_legacy_certificates`` records pages that were live
before certification, then publish it. Tests of certification itself walk the workflow.
"""

from hub_site.certification.issue import record_legacy_certificate


def publish_certified(revision, user=None):
    record_legacy_certificate(revision)
    revision.publish(user=user, skip_permission_checks=True)
    return revision
