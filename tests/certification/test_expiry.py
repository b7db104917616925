"""Review-by dates: notices before them, the site's expiry action after them, and
re-certification of a live page, through the daily command and the admin's URLs.

Dates: the command takes ``--today``. What readers are told follows the real date, which
no option moves, so those tests change the site's time zone instead: a certificate
approved with a review-by date of today in the westernmost zone (UTC-12) has expired in
the easternmost (UTC+14), where the date is a day later at the same instant.
"""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from wagtail.models import PageLogEntry, Site, WorkflowState
from wagtail.users.models import UserProfile

from hub_site.cache import invalidation
from hub_site.certification.models import (
    DUE_WITHIN_DAYS,
    Certificate,
    CertificationSettings,
    ExpiryAction,
    ExpiryRecord,
    add_months,
)
from hub_site.certification.withdrawal import WITHDRAW_ACTION
from hub_site.workflows import roles
from tests.cache import edge_recorder
from tests.certification.conftest import act, current_task_state, review, submit_new_page
from tests.workflows.test_editorial_workflow import page_form

pytestmark = pytest.mark.django_db

WEST = "Etc/GMT+12"  # UTC-12 (the sign is POSIX's)
EAST = "Etc/GMT-14"  # UTC+14
NOTICE = "This content is being reviewed."


def run(*args):
    out = StringIO()
    call_command("certification_expiry", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def run_on(day, *args):
    return run("--today", day.isoformat(), *args)


def current_certificate(page):
    return Certificate.objects.filter(revision_id=page.live_revision_id).first()


def set_expiry_action(action):
    site_settings = CertificationSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.expiry_action = action
    site_settings.save()


def certify_with_review_by(client, team, home, review_by, slug="reviewed-page"):
    """A page written by the editor; compliance sets an earlier review-by date."""
    page = submit_new_page(client, team["editor"], home, title="Reviewed page", slug=slug)
    assert act(client, team["medical"], page, "approve").status_code == 302
    response = act(client, team["compliance"], page, "approve", review_by=review_by.isoformat())
    assert response.status_code == 302
    client.logout()
    page.refresh_from_db()
    assert page.live
    assert current_certificate(page).review_by == review_by
    return page


@pytest.fixture
def page_expiring_today_in_the_west(settings, client, team, home):
    settings.TIME_ZONE = WEST
    return certify_with_review_by(client, team, home, timezone.localdate())


@pytest.fixture
def edge(settings):
    """Purges sent through Wagtail's frontend-cache backends, recorded."""
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "tests.cache.edge_recorder.RecordingBackend"}
    }
    edge_recorder.purged_batches.clear()
    yield edge_recorder.purged_batches
    edge_recorder.purged_batches.clear()


def commit_what_came_before(edge):
    """Retire what the test's earlier saves touched (the test's transaction never commits),
    as the commit would, so that what follows starts clean."""
    invalidation.flush()
    edge.clear()


def purged(edge, page):
    """Whether the edge was asked to purge the page: its URL, or every page."""
    urls = [url for batch in edge for url in batch]
    return any(url.split("?")[0].endswith(page.url) or url.endswith("/*") for url in urls)


# Notices before the review-by date


def test_notices_30_and_7_days_before_are_sent_once(certified_page, team, mailoutbox):
    mailoutbox.clear()  # the review workflow's own notifications
    review_by = current_certificate(certified_page).review_by

    assert "Nothing due" in run_on(review_by - timedelta(days=31))
    assert mailoutbox == []

    out = run_on(review_by - timedelta(days=30))
    assert "e-mailed editor, medical, compliance" in out
    assert sorted(message.to[0] for message in mailoutbox) == [
        "compliance@hub.example",
        "editor@hub.example",
        "medical@hub.example",
    ]
    message = mailoutbox[0]
    assert message.subject == f"Re-certify “Certified page” by {review_by:%-d %B %Y}"
    assert "in 30 days" in message.body
    assert f"http://testserver/admin/pages/{certified_page.pk}/edit/" in message.body
    recertify_url = reverse("hub_recertify:recertify", args=(certified_page.pk,))
    assert f"http://testserver{recertify_url}" in message.body
    assert "readers will be told that it is being reviewed" in message.body

    assert "Nothing due" in run_on(review_by - timedelta(days=30))
    assert "Nothing due" in run_on(review_by - timedelta(days=29))
    assert len(mailoutbox) == 3

    run_on(review_by - timedelta(days=7))
    assert len(mailoutbox) == 6
    assert "in 7 days" in mailoutbox[-1].body
    assert "Nothing due" in run_on(review_by - timedelta(days=7))
    assert "Nothing due" in run_on(review_by)
    assert len(mailoutbox) == 6
    assert set(ExpiryRecord.objects.values_list("kind", flat=True)) == {"due_30", "due_7"}
    certified_page.refresh_from_db()
    assert certified_page.live


def test_a_late_first_run_sends_only_the_most_urgent_notice(certified_page, mailoutbox):
    mailoutbox.clear()  # the review workflow's own notifications
    review_by = current_certificate(certified_page).review_by
    run_on(review_by - timedelta(days=5))
    assert list(ExpiryRecord.objects.values_list("kind", flat=True)) == ["due_7"]
    assert len(mailoutbox) == 3


def test_notices_are_in_each_persons_admin_language(certified_page, team, mailoutbox):
    mailoutbox.clear()  # the review workflow's own notifications
    profile = UserProfile.get_for_user(team["medical"])
    profile.preferred_language = "fr"
    profile.save()
    review_by = current_certificate(certified_page).review_by

    run_on(review_by - timedelta(days=30))

    by_address = {message.to[0]: message for message in mailoutbox}
    # The template's msgid, looked up in the French catalogue (a variable, so makemessages
    # does not take this test for a source of interface strings).
    due_subject = "Re-certify “%(title)s” by %(date)s"
    with translation.override("fr"):
        subject = gettext(due_subject) % {
            "title": "Certified page",
            "date": date_format(review_by, "j F Y"),
        }
    assert "« Certified page »" in subject  # the French catalogue's quotation marks
    assert by_address["medical@hub.example"].subject == subject
    assert by_address["editor@hub.example"].subject.startswith("Re-certify “Certified page”")


def test_the_dry_run_says_what_it_would_do_and_does_nothing(certified_page, mailoutbox):
    mailoutbox.clear()  # the review workflow's own notifications
    set_expiry_action(ExpiryAction.UNPUBLISH)
    review_by = current_certificate(certified_page).review_by

    out = run_on(review_by + timedelta(days=1), "--dry-run")

    assert "[dry run]" in out
    assert "would unpublish; would e-mail editor, medical, compliance" in out
    assert mailoutbox == []
    assert not ExpiryRecord.objects.exists()
    certified_page.refresh_from_db()
    assert certified_page.live


def test_a_bad_day_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="not a date like 2026-12-31"):
        run("--today", "31/12/2026")


# Expiry


def test_expired_and_unpublish_takes_the_page_down_and_retires_both_caches(
    certified_page, hcp_client, edge, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()  # the review workflow's own notifications
    set_expiry_action(ExpiryAction.UNPUBLISH)
    commit_what_came_before(edge)
    assert hcp_client.get(certified_page.url)["X-App-Cache"] == "MISS"
    assert hcp_client.get(certified_page.url)["X-App-Cache"] == "HIT"
    review_by = current_certificate(certified_page).review_by

    with django_capture_on_commit_callbacks(execute=True):
        out = run_on(review_by + timedelta(days=1))

    assert "unpublished; e-mailed editor, medical, compliance" in out
    certified_page.refresh_from_db()
    assert not certified_page.live
    assert certified_page.expired
    assert hcp_client.get(certified_page.url).status_code == 404
    assert purged(edge, certified_page)
    withdrawal = PageLogEntry.objects.get(page=certified_page, action=WITHDRAW_ACTION)
    assert withdrawal.data["reason"].startswith("Certificate expired (ALLHUB-")
    assert "has been unpublished" in mailoutbox[0].body
    assert mailoutbox[0].subject == "Unpublished: the certificate of “Certified page” has expired"

    # The same day again, and the day after: nothing more.
    edge.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert "Nothing due" in run_on(review_by + timedelta(days=1))
        assert "Nothing due" in run_on(review_by + timedelta(days=2))
    assert edge == []
    assert len(mailoutbox) == 3
    assert ExpiryRecord.objects.get().outcome == "unpublished"
    assert PageLogEntry.objects.filter(page=certified_page, action=WITHDRAW_ACTION).count() == 1


def test_expired_and_notice_keeps_the_page_live_and_retires_both_caches(
    page_expiring_today_in_the_west,
    settings,
    hcp_client,
    edge,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    mailoutbox.clear()  # the review workflow's own notifications
    page = page_expiring_today_in_the_west
    commit_what_came_before(edge)
    first = hcp_client.get(page.url)
    assert first["X-App-Cache"] == "MISS"
    assert NOTICE not in first.content.decode()
    # A day later (at the same instant): the copy rendered the day before is still served.
    settings.TIME_ZONE = EAST
    stale = hcp_client.get(page.url)
    assert stale["X-App-Cache"] == "HIT"
    assert NOTICE not in stale.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        out = run()

    assert "kept live with the review notice" in out
    page.refresh_from_db()
    assert page.live
    assert purged(edge, page)
    fresh = hcp_client.get(page.url)
    assert fresh["X-App-Cache"] == "MISS"
    assert NOTICE in fresh.content.decode()
    cached = hcp_client.get(page.url)
    assert cached["X-App-Cache"] == "HIT"
    assert NOTICE in cached.content.decode()
    assert "readers are told “This content is being reviewed.”" in mailoutbox[0].body

    edge.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert "Nothing due" in run()
    assert edge == []
    assert len(mailoutbox) == 3


def test_a_legacy_record_is_due_but_never_unpublished(certified_page, team, mailoutbox):
    """Live before certification: no approvers, so the reviewer groups are told."""
    mailoutbox.clear()  # the review workflow's own notifications
    from hub_site.certification.issue import record_legacy_certificate

    set_expiry_action(ExpiryAction.UNPUBLISH)
    record_legacy_certificate(certified_page.live_revision)

    assert "Nothing due" in run()  # due from today: no advance notice
    # Legacy records expire after the usual warning period if nobody re-certifies them.
    out = run_on(timezone.localdate() + timedelta(days=DUE_WITHIN_DAYS + 1))

    assert "kept live (legacy record)" in out
    certified_page.refresh_from_db()
    assert certified_page.live
    assert sorted(message.to[0] for message in mailoutbox) == [
        "compliance@hub.example",
        "editor@hub.example",
        "medical@hub.example",
    ]
    assert "never unpublished automatically" in mailoutbox[0].body
    assert ExpiryRecord.objects.get().outcome == "legacy"


def test_e_mails_that_could_not_be_sent_are_sent_by_the_next_run(
    certified_page, settings, mailoutbox
):
    mailoutbox.clear()  # the review workflow's own notifications
    set_expiry_action(ExpiryAction.UNPUBLISH)
    review_by = current_certificate(certified_page).review_by
    # A mail server that refuses connections: nothing listens on port 9 of loopback.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9

    with pytest.raises(CommandError, match="could not be e-mailed"):
        run_on(review_by + timedelta(days=1))

    certified_page.refresh_from_db()
    assert not certified_page.live
    record = ExpiryRecord.objects.get()
    assert record.mailed_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "e-mails the last run could not send" in run_on(review_by + timedelta(days=1))
    assert len(mailoutbox) == 3
    record.refresh_from_db()
    assert record.mailed_at is not None
    assert PageLogEntry.objects.filter(page=certified_page, action=WITHDRAW_ACTION).count() == 1
    assert "Nothing due" in run_on(review_by + timedelta(days=2))


# Re-certification


def recertify_url(page):
    return reverse("hub_recertify:recertify", args=(page.pk,))


def test_re_certification_renews_the_certificate_of_the_live_revision(
    page_expiring_today_in_the_west, settings, client, team, make_user, hcp_client
):
    page = page_expiring_today_in_the_west
    settings.TIME_ZONE = EAST
    live_revision_id = page.live_revision_id
    old = current_certificate(page)
    assert NOTICE in hcp_client.get(page.url).content.decode()

    client.force_login(team["medical"])
    confirmation = client.get(recertify_url(page))
    assert confirmation.status_code == 200
    assert "you cannot approve any of its steps" in confirmation.content.decode()
    response = client.post(recertify_url(page))

    assert response.status_code == 302
    run = WorkflowState.objects.for_instance(page).get(status="in_progress")
    assert run.requested_by == team["medical"]
    assert current_task_state(page).revision_id == live_revision_id
    # Its submitter cannot approve it (the admin sends a refused reviewer to the
    # dashboard); two other reviewers do.
    assert act(client, team["medical"], page, "approve")["Location"] == reverse("wagtailadmin_home")
    assert current_task_state(page).task.name == roles.MEDICAL_REVIEW_TASK
    other_medical = make_user("medical-2", roles.MEDICAL_REVIEWERS)
    page = review(client, page, other_medical, team["compliance"])

    new = current_certificate(page)
    assert new.pk != old.pk
    assert page.live_revision_id == live_revision_id == new.revision_id
    assert new.kind == Certificate.Kind.WORKFLOW
    assert new.submitted_by == "medical"
    assert [step["approver"]["username"] for step in new.steps] == ["medical-2", "compliance"]
    assert new.review_by == add_months(timezone.localdate(), 24)
    assert new.reference_code != old.reference_code
    reader_page = hcp_client.get(page.url).content.decode()
    assert NOTICE not in reader_page
    assert new.reference_code in reader_page
    assert new.reference_code in new.rendering.html
    assert NOTICE not in new.rendering.html


def test_re_certification_refuses_a_page_with_a_newer_draft(client, team, certified_page):
    client.force_login(team["editor"])
    client.post(
        reverse("wagtailadmin_pages:edit", args=(certified_page.pk,)),
        page_form("Certified page", "certified-page", body="<p>A change.</p>"),
    )
    client.force_login(team["compliance"])

    confirmation = client.get(recertify_url(certified_page))
    assert "Submit the draft for review instead" in confirmation.content.decode()
    response = client.post(recertify_url(certified_page))

    assert response.status_code == 409
    assert (
        not WorkflowState.objects.for_instance(certified_page).filter(status="in_progress").exists()
    )


def test_only_reviewers_and_site_managers_re_certify(client, team, certified_page):
    edit_url = reverse("wagtailadmin_pages:edit", args=(certified_page.pk,))
    client.force_login(team["editor"])
    assert recertify_url(certified_page) not in client.get(edit_url).content.decode()
    # The admin answers a refusal with the dashboard and a message.
    assert client.get(recertify_url(certified_page))["Location"] == reverse("wagtailadmin_home")
    assert client.post(recertify_url(certified_page))["Location"] == reverse("wagtailadmin_home")
    assert (
        not WorkflowState.objects.for_instance(certified_page).filter(status="in_progress").exists()
    )

    client.force_login(team["manager"])
    assert recertify_url(certified_page) in client.get(edit_url).content.decode()
    assert client.get(recertify_url(certified_page)).status_code == 200
