"""The certificate: what it records, that anyone can check it, and that nobody changes it."""

import hashlib
import json
import threading
from io import StringIO

import pytest

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import PageLogEntry, Revision

from home.models import StandardPage
from hub_site.certification.issue import next_reference_code
from hub_site.certification.models import Certificate, CertifiedHtml, add_months

pytestmark = pytest.mark.django_db


def test_the_certificate_records_the_run(certified_page, team):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    year = timezone.now().year
    assert certificate.reference_code == f"ALLHUB-{year}-0001"
    assert certificate.kind == Certificate.Kind.WORKFLOW
    assert (certificate.title, certificate.locale, certificate.url) == (
        "Certified page",
        "en",
        "/en/certified-page/",
    )
    assert [(s["task"], s["approver"]["username"]) for s in certificate.steps] == [
        ("Medical review", "medical"),
        ("Compliance sign-off", "compliance"),
    ]
    assert [author["username"] for author in certificate.authors] == ["editor"]
    assert certificate.submitted_by == "editor"
    assert certificate.review_by == add_months(timezone.localdate(certificate.issued_at), 24)


def test_anyone_can_recompute_the_hash_from_the_revision(certified_page):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    stored = Revision.objects.get(pk=certificate.revision_id).content
    text = json.dumps(stored, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(text.encode()).hexdigest() == certificate.content_sha256
    assert certificate.content == stored


def test_the_certified_html_is_what_the_reader_is_served(certified_page, hcp_client):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    response = hcp_client.get("/en/certified-page/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response.content.decode() == certificate.rendering.html
    assert hashlib.sha256(response.content).hexdigest() == certificate.rendering.html_sha256


def test_readers_see_the_reference_code_and_date(certified_page, hcp_client):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    page = hcp_client.get("/en/certified-page/").text
    # The site's date format, as the article's own date shows it.
    day = date_format(timezone.localdate(certificate.issued_at), "DATE_FORMAT")
    assert f"Ref. {certificate.reference_code} · Certified {day}" in page


def test_readers_see_the_line_translated(certified_page):
    from django.template.loader import render_to_string
    from django.utils import translation

    from hub_site.certification.reader import certification_of

    certification = certification_of(certified_page)
    with translation.override("es"):
        html = render_to_string(
            "hub_certification/certification_line.html", {"certification": certification}
        )
        day = date_format(certification.certified_on, "DATE_FORMAT")
    assert f"Certificado el {day}" in html
    assert day.split()[2] in {
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    }


def test_certificates_cannot_be_changed_or_deleted(certified_page):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    certificate.title = "Rewritten"
    with pytest.raises(PermissionDenied):
        certificate.save()
    with pytest.raises(PermissionDenied):
        certificate.delete()
    with pytest.raises(PermissionDenied):
        Certificate.objects.filter(pk=certificate.pk).update(title="Rewritten")
    with pytest.raises(PermissionDenied):
        Certificate.objects.filter(pk=certificate.pk).delete()
    with pytest.raises(PermissionDenied):
        Certificate.objects.bulk_update([certificate], ["title"])
    rendering = certificate.rendering
    rendering.html = "<p>forged</p>"
    with pytest.raises(PermissionDenied):
        rendering.save()
    with pytest.raises(PermissionDenied):
        CertifiedHtml.objects.all().delete()
    certificate.refresh_from_db()
    assert certificate.title == "Certified page"


def test_deleting_the_page_keeps_its_certificate(certified_page):
    code = Certificate.objects.get(revision_id=certified_page.live_revision_id).reference_code
    certified_page.delete()
    certificate = Certificate.objects.get(reference_code=code)
    assert certificate.content["title"] == "Certified page"
    assert certificate.rendering.html


def test_reference_codes_follow_on_per_year():
    with transaction.atomic():
        codes = [next_reference_code("ALLHUB", 2026) for _ in range(3)]
        codes.append(next_reference_code("ALLHUB", 2027))
    assert codes == ["ALLHUB-2026-0001", "ALLHUB-2026-0002", "ALLHUB-2026-0003", "ALLHUB-2027-0001"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reference_codes_stay_unique_when_runs_finish_at_once():
    barrier = threading.Barrier(4)
    codes = []

    def issue():
        try:
            barrier.wait()
            with transaction.atomic():
                codes.append(next_reference_code("RACE", 2026))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [f"RACE-2026-000{n}" for n in range(1, 5)]


def test_a_reviewer_withdraws_with_a_reason(client, certified_page, team, hcp_client):
    url = reverse("hub_certification:withdraw", args=(certified_page.pk,))
    client.force_login(team["editor"])
    refused = client.post(url, {"reason": "Safety"})
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    client.force_login(team["medical"])
    blank = client.post(url, {"reason": "   "})
    assert blank.status_code == 400
    certified_page.refresh_from_db()
    assert certified_page.live

    response = client.post(url, {"reason": "Dose in table 2 is wrong; withdrawn pending fix."})
    assert response.status_code == 302
    certified_page.refresh_from_db()
    assert not certified_page.live
    entry = PageLogEntry.objects.get(page=certified_page, action="hub.withdraw")
    assert entry.user == team["medical"]
    assert entry.data["reason"].startswith("Dose in table 2")
    assert hcp_client.get("/en/certified-page/").status_code == 404


def test_legacy_pages_are_recorded_once_and_due_at_once(home):
    page = home.add_child(instance=StandardPage(title="Old", slug="old"))
    assert page.live and page.live_revision_id is None
    call_command("record_legacy_certificates", stdout=StringIO())
    page.refresh_from_db()
    records = Certificate.objects.filter(object_id=str(page.pk))
    assert records.count() == 1
    legacy = records.get()
    assert legacy.kind == Certificate.Kind.LEGACY
    assert legacy.revision_id == page.live_revision_id
    assert legacy.state() == "due"
    assert legacy.reference_code is None
    assert "Old" in legacy.rendering.html

    before = Certificate.objects.count()
    call_command("record_legacy_certificates", stdout=StringIO())
    assert Certificate.objects.count() == before


@pytest.mark.parametrize("role", ["editor", "medical", "compliance", "manager"])
def test_the_admin_has_no_door_to_change_a_certificate(client, certified_page, team, role):
    """The admin shows certificates (reports) but offers no edit or delete, for anyone."""
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team[role])
    for url in (
        f"/admin/snippets/hub_certification/certificate/edit/{certificate.pk}/",
        f"/admin/snippets/hub_certification/certificate/delete/{certificate.pk}/",
        f"/admin/certification/certificates/{certificate.pk}/edit/",
        f"/admin/certification/certificates/{certificate.pk}/delete/",
    ):
        assert client.post(url, {"title": "Rewritten"}).status_code in (302, 404), url
    certificate.refresh_from_db()
    assert certificate.title == "Certified page"


def test_withdrawal_retires_the_page_at_the_edge_too(
    client, hcp_client, certified_page, team, settings, django_capture_on_commit_callbacks
):
    from tests.cache import edge_recorder

    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "tests.cache.edge_recorder.RecordingBackend"}
    }
    assert hcp_client.get(certified_page.url)["Cache-Control"].startswith("public")
    edge_recorder.purged_batches.clear()
    client.force_login(team["compliance"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("hub_certification:withdraw", args=(certified_page.pk,)),
            {"reason": "Funder influence found in the key learning."},
        )
    assert response.status_code == 302
    purged = [url for batch in edge_recorder.purged_batches for url in batch]
    edge_recorder.purged_batches.clear()
    # The page itself, or every page when it is one every page shows (in the menus).
    assert any(
        url.split("?")[0].endswith("/en/certified-page/") or url.endswith("/*") for url in purged
    ), purged
