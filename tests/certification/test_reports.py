"""The compliance views, as compliance people and the others use them through the admin.

Certificates made by the real review workflow come from the ``certified_page`` fixture.
Expired and soon-due ones need review-by dates in the past or near future, which the
workflow never writes, so those certificates are written directly (they are insert-only
rows) and their revisions published the way a certified publication is.
"""

import hashlib
import io
from datetime import datetime, timedelta

import openpyxl
import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import StandardPage
from hub_site.certification.issue import describe, sha256, stable_json
from hub_site.certification.models import Certificate
from hub_site.certification.reports import state_query
from hub_site.demo.gate import load_gate_copy
from tests.certification.conftest import review
from tests.downloads import rows_of_csv
from tests.kept_rows import kept
from tests.workflows.test_editorial_workflow import page_form


def url(name, *args):
    return reverse(f"hub_certification_reports:{name}", args=args)


def step(task, username):
    return {
        "task": task,
        "approver": {"id": None, "username": username, "name": username.title()},
        "approved_at": "2026-01-05T10:00:00+00:00",
        "comment": "",
        "stands_in_for_absent_reviewer": False,
        "review_by": None,
    }


def certify(
    obj, revision, review_by, *, code=None, issued_at=None, approver="medical", locale=None
):
    """A certificate for ``revision``; legacy (no approvals) when no code is given."""
    return Certificate.objects.create(
        kind=Certificate.Kind.WORKFLOW if code else Certificate.Kind.LEGACY,
        reference_code=code,
        **{**describe(obj), **({"locale": locale} if locale else {})},
        revision_id=revision.pk,
        revision_created_at=revision.created_at,
        content=revision.content,
        content_sha256=sha256(stable_json(revision.content)),
        steps=[step("Medical review", approver)] if code else [],
        issued_at=issued_at or timezone.now(),
        review_by=review_by,
    )


def live_page(parent, title, review_by, *, code=None, language="en"):
    """A page published with a certificate that has ``review_by`` as its review-by date."""
    page = parent.add_child(
        instance=StandardPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            live=False,
            locale=Locale.objects.get(language_code=language),
        )
    )
    revision = page.save_revision()
    certificate = certify(page, revision, review_by, code=code)
    revision.publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page, certificate


def csv_rows(client, user, report, query=""):
    """``report``'s CSV export as ``user`` downloads it, filtered by ``query``."""
    client.force_login(user)
    response = client.get(f"{url(report)}?export=csv&{query}")
    assert response["Content-Type"] == "text/csv"
    return rows_of_csv(response)


def panel_of(response):
    """The re-certification panel's HTML on the admin dashboard, or None."""
    html = response.content.decode()
    if 'id="hub-recertification-section"' not in html:
        return None
    return html.split('id="hub-recertification-section"')[1].split("</section>")[0]


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def draft_revision(home):
    """A revision the directly written certificates of the filter tests point at."""
    page = home.add_child(instance=StandardPage(title="Draft page", slug="draft-page", live=False))
    return page, page.save_revision()


@pytest.fixture
def assorted(draft_revision, today):
    """One certificate in each state, in two locales, approved by two reviewers."""
    page, revision = draft_revision

    def make(code, review_by, issued, **extra):
        issued_at = timezone.make_aware(datetime(*issued))
        return certify(page, revision, review_by, code=code, issued_at=issued_at, **extra)

    return {
        "certified": make("TEST-2025-0001", today + timedelta(days=400), (2025, 1, 10)),
        "due": make(
            "TEST-2025-0002",
            today + timedelta(days=10),
            (2025, 6, 1),
            approver="reviewer-b",
            locale="fr",
        ),
        "expired": make("TEST-2024-0003", today - timedelta(days=1), (2024, 3, 1)),
        "legacy": certify(page, revision, today),
    }


def codes_listed(response, assorted):
    html = response.content.decode()
    return {name for name, c in assorted.items() if c.reference_code and c.reference_code in html}


# Who may see the reports


@pytest.mark.parametrize("role", ["editor", "translator", "translation_reviewer"])
def test_writers_and_translators_are_refused_every_report(client, team, certified_page, role):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team[role])
    for address in (
        url("certificates"),
        url("certificates") + "?export=csv",
        url("compliance"),
        url("certificate", certificate.pk),
        url("certificate_html", certificate.pk),
        url("certificate_content", certificate.pk),
    ):
        response = client.get(address)
        # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
        assert response.status_code == 302, address
        assert response["Location"] == reverse("wagtailadmin_home"), address
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url("certificates") not in home
    assert url("compliance") not in home


@pytest.mark.parametrize("role", ["medical", "compliance", "manager"])
def test_reviewers_and_site_managers_find_the_reports_in_the_menu(client, team, role):
    client.force_login(team[role])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url("certificates") in home
    assert url("compliance") in home
    assert client.get(url("certificates")).status_code == 200
    assert client.get(url("compliance")).status_code == 200


# Certificates report


def test_certificates_report_lists_a_workflow_certificate(client, team, certified_page):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team["compliance"])
    response = client.get(url("certificates"))
    html = response.content.decode()
    assert f'href="{url("certificate", certificate.pk)}"' in html
    assert certificate.reference_code in html
    assert "Certified page" in html
    assert "Certified through review" in html
    assert "medical, compliance" in html
    assert "Certified" in html


def test_certificates_report_lists_newest_first(client, team, assorted):
    client.force_login(team["compliance"])
    html = client.get(url("certificates")).content.decode()
    positions = [html.index(assorted[name].reference_code) for name in ("due", "certified")]
    assert positions == sorted(positions)
    assert html.index("TEST-2025-0001") < html.index("TEST-2024-0003")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("locale=fr", {"due"}),
        ("locale=en", {"certified", "expired"}),
        ("state=certified", {"certified"}),
        ("state=due", {"due"}),
        ("state=expired", {"expired"}),
        ("issued_at_from=2025-01-01&issued_at_to=2025-12-31", {"certified", "due"}),
        ("reviewer=reviewer-b", {"due"}),
        ("reviewer=medical", {"certified", "expired"}),
        ("reviewer=medical&state=expired", {"expired"}),
    ],
)
def test_certificates_report_filters(client, team, assorted, query, expected):
    client.force_login(team["medical"])
    response = client.get(url("certificates") + "?" + query)
    assert response.status_code == 200
    assert codes_listed(response, assorted) == expected


def test_legacy_records_are_due_and_say_re_certify(client, team, assorted):
    client.force_login(team["manager"])
    html = client.get(url("certificates") + "?state=due").content.decode()
    assert f'href="{url("certificate", assorted["legacy"].pk)}"' in html
    assert "Re-certify (legacy record)" in html


def test_state_filter_agrees_with_certificate_state(draft_revision, today):
    page, revision = draft_revision
    dates = [-1, 0, 30, 31]
    certificates = [
        certify(page, revision, today + timedelta(days=d), code=f"EDGE-{d + 1}") for d in dates
    ] + [certify(page, revision, today + timedelta(days=d)) for d in (0, 40)]
    for state in ("certified", "due", "expired"):
        filtered = set(Certificate.objects.filter(state_query(state, today)))
        assert filtered == {c for c in certificates if c.state(today) == state}, state


def test_certificates_csv_has_a_row_per_certificate(client, team, certified_page, assorted):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    rows = csv_rows(client, team["compliance"], "certificates")
    assert rows[0] == [
        "Reference code",
        "Title",
        "Type",
        "Locale",
        "Kind",
        "Certified at",
        "Review by",
        "State",
        "Approvers",
        "Revision",
        "SHA-256 of the content",
        "URL",
    ]
    assert len(rows) == 1 + Certificate.objects.count()
    row = next(r for r in rows if r[0] == certificate.reference_code)
    assert row[1:5] == [
        "Certified page",
        certificate.specific_type,
        "en",
        "Certified through review",
    ]
    assert row[5] == str(certificate.issued_at.replace(microsecond=0))
    assert row[6:9] == [str(certificate.review_by), "Certified", "medical, compliance"]
    assert row[9:] == [str(certificate.revision_id), certificate.content_sha256, certificate.url]


def test_filtering_refreshes_only_the_results(client, team, assorted):
    """The filters reload the table from the results URL, as in Wagtail's own reports."""
    client.force_login(team["compliance"])
    response = client.get(url("certificates_results") + "?state=due")
    assert codes_listed(response, assorted) == {"due"}
    assert "<html" not in response.content.decode()


@pytest.mark.parametrize("report", ["certificates", "compliance"])
def test_reports_export_to_xlsx(client, team, live_estate, report):
    client.force_login(team["compliance"])
    response = client.get(url(report) + "?export=xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][0] == ("Reference code" if report == "certificates" else "Title")
    assert len(rows) > 1


def test_certificates_csv_keeps_the_filters(client, team, assorted):
    rows = csv_rows(client, team["compliance"], "certificates", "state=expired")
    assert [row[0] for row in rows[1:]] == ["TEST-2024-0003"]


# One certificate


def test_certificate_view_shows_the_record_and_its_integrity(client, team, certified_page):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team["compliance"])
    response = client.get(url("certificate", certificate.pk))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        certificate.reference_code,
        "Medical review",
        "Compliance sign-off",
        "medical (medical)",
        "compliance (compliance)",
        "editor (editor)",
        certificate.content_sha256,
        "Matches the stored content",
        certificate.rendering.html_sha256,
        "Matches the stored HTML",
        f"#{certificate.revision_id}",
        "sha256(json.dumps(content, sort_keys=True",
    ):
        assert text in html, text
    # Identical: what is live and the latest revision are the certified one.
    assert html.count('data-identical="true"') == 2
    # The HTML readers got is shown in a sandbox, never as markup of the admin page.
    assert '<iframe class="hub-certified-html"' in html
    assert 'sandbox=""' in html
    assert 'srcdoc="&lt;' in html


def test_certified_html_is_served_as_inert_text(client, team, certified_page):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team["medical"])
    response = client.get(url("certificate_html", certificate.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert hashlib.sha256(response.content).hexdigest() == certificate.rendering.html_sha256


def test_certified_content_download_hashes_to_the_certificate(client, team, certified_page):
    certificate = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team["compliance"])
    response = client.get(url("certificate_content", certificate.pk))
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == certificate.content_sha256


def test_a_legacy_record_without_html_says_so(client, team, home, today):
    _page, certificate = live_page(home, "Old page", today)
    client.force_login(team["compliance"])
    html = client.get(url("certificate", certificate.pk)).content.decode()
    assert "This is a legacy record" in html
    assert "No approvals" in html
    assert client.get(url("certificate_html", certificate.pk), follow=True).status_code == 404


def test_certificate_view_shows_what_changed_after_a_draft_and_a_new_certificate(
    client, team, certified_page
):
    first = Certificate.objects.get(revision_id=certified_page.live_revision_id)
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(certified_page.pk,)),
        page_form("Certified page, revised", "certified-page"),
    )
    assert response.status_code == 302, response.content[:3000]

    client.force_login(team["compliance"])
    html = client.get(url("certificate", first.pk)).content.decode()
    live, latest = html.split("Latest draft", 1)
    assert 'data-identical="true"' in live
    assert 'data-identical="false"' in latest
    # Wagtail's field comparison: the title gained ", revised".
    assert 'Certified page<span class="addition">, revised</span>' in latest
    # Wagtail's own comparison view is offered to those who may open it, not to reviewers.
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(certified_page.pk, first.revision_id, "latest"),
    )
    assert compare not in html
    client.force_login(team["manager"])
    assert compare in client.get(url("certificate", first.pk)).content.decode()

    # The draft is reviewed and goes live: the first certificate is superseded.
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(certified_page.pk,)),
        page_form("Certified page, revised", "certified-page", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:3000]
    page = review(client, certified_page, team["medical"], team["compliance"])
    second = Certificate.objects.get(revision_id=page.live_revision_id)
    client.force_login(team["compliance"])
    html = client.get(url("certificate", first.pk)).content.decode()
    assert "A newer certificate exists" in html
    assert second.reference_code in html
    live, _latest = html.split("Latest draft", 1)
    assert 'data-identical="false"' in live
    assert 'Certified page<span class="addition">, revised</span>' in live
    assert (
        client.get(url("certificate", second.pk)).content.decode().count('data-identical="true"')
        == 2
    )


# Compliance report


@pytest.fixture
@kept
def live_estate(certified_page, home, today):
    """Live pages in every state, in two locales, and a certified snippet."""
    expired, _ = live_page(home, "Expired page", today - timedelta(days=3), code="LIVE-0001")
    due, _ = live_page(home, "Due page", today + timedelta(days=7), code="LIVE-0002")
    french, _ = live_page(
        home, "Page expiree", today - timedelta(days=1), code="LIVE-0003", language="fr"
    )
    return {"certified": certified_page, "expired": expired, "due": due, "french": french}


def test_compliance_report_gives_every_live_page_its_state(client, team, live_estate, home):
    client.force_login(team["compliance"])
    html = client.get(url("compliance")).content.decode()
    for page in (*live_estate.values(), home):
        assert f'href="{reverse("wagtailadmin_pages:edit", args=(page.pk,))}"' in html, page
    certificate = Certificate.objects.get(revision_id=live_estate["certified"].live_revision_id)
    assert date_format(certificate.review_by) in html
    # Counts per state: the home page (live since installation) has no certificate.
    for state, count in (("uncertified", 1), ("expired", 2), ("due", 1), ("certified", 1)):
        assert f'<li data-state="{state}" data-count="{count}">' in html, state
        assert f'href="{url("compliance")}?state={state}"' in html, state
    assert "Live without a certificate" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("state=expired", {"Expired page", "Page expiree"}),
        ("state=due", {"Due page"}),
        ("state=certified", {"Certified page"}),
        ("state=uncertified", {"The ALL Hub"}),
        ("locale=fr", {"Page expiree"}),
        ("locale=en&state=expired", {"Expired page"}),
    ],
)
def test_compliance_report_filters(client, team, live_estate, query, expected):
    rows = csv_rows(client, team["manager"], "compliance", query)
    assert {row[0] for row in rows[1:]} == expected


def test_compliance_csv_columns(client, team, live_estate, today):
    rows = csv_rows(client, team["compliance"], "compliance")
    assert rows[0] == [
        "Title",
        "Type",
        "Locale",
        "State",
        "Reference code",
        "Certified at",
        "Certified until",
        "URL",
    ]
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {
        "The ALL Hub",
        "Certified page",
        "Expired page",
        "Due page",
        "Page expiree",
    }
    assert by_title["Due page"][1:5] == ["Standard page", "en", "Due within 30 days", "LIVE-0002"]
    assert by_title["Due page"][6] == str(today + timedelta(days=7))
    assert by_title["Page expiree"][2:4] == ["fr", "Expired"]
    assert by_title["The ALL Hub"][3:7] == ["Live without a certificate", "", "", ""]
    # Most urgent first: no certificate, then expired, due, certified.
    assert [row[3] for row in rows[1:]] == [
        "Live without a certificate",
        "Expired",
        "Expired",
        "Due within 30 days",
        "Certified",
    ]


def test_compliance_report_includes_certified_snippets_while_live(client, team, today):
    copy = load_gate_copy()
    revision = copy.save_revision()
    revision.publish()
    copy.refresh_from_db()
    certify(copy, revision, today - timedelta(days=2), code="SNIP-0001")
    rows = csv_rows(client, team["compliance"], "compliance", "state=expired")
    assert [row[4] for row in rows[1:]] == ["SNIP-0001"]

    # The certificate view compares a snippet's live revision with the certified one too.
    html = client.get(url("certificate", Certificate.objects.get(reference_code="SNIP-0001").pk))
    assert html.content.decode().count('data-identical="true"') == 2

    copy.unpublish()
    rows = csv_rows(client, team["compliance"], "compliance", "state=expired")
    assert rows[1:] == []


# Dashboard panel


def test_dashboard_panel_lists_what_needs_recertification_per_locale(client, team, live_estate):
    client.force_login(team["medical"])
    panel = panel_of(client.get(reverse("wagtailadmin_home")))
    assert panel is not None
    for name in ("expired", "due", "french"):
        edit_url = reverse("wagtailadmin_pages:edit", args=(live_estate[name].pk,))
        assert f'href="{edit_url}"' in panel, name
    assert "Certified page" not in panel
    assert "The ALL Hub" not in panel
    assert panel.index("English") < panel.index("Expired page") < panel.index("French")
    assert panel.index("French") < panel.index("Page expiree")
    assert "Due within 30 days" in panel
    assert "Expired" in panel


def test_dashboard_panel_is_not_shown_to_editors(client, team, live_estate):
    client.force_login(team["editor"])
    assert panel_of(client.get(reverse("wagtailadmin_home"))) is None


def test_dashboard_panel_is_hidden_when_nothing_is_due(client, team, certified_page):
    client.force_login(team["compliance"])
    assert panel_of(client.get(reverse("wagtailadmin_home"))) is None


def test_the_reports_speak_the_admin_language_of_the_reviewer(client, team, live_estate):
    profile = UserProfile.get_for_user(team["compliance"])
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(team["compliance"])
    assert "Certificats à renouveler" in panel_of(client.get(reverse("wagtailadmin_home")))
    html = client.get(url("compliance")).content.decode()
    assert "À renouveler sous 30 jours" in html
    assert "En ligne sans certificat" in html
