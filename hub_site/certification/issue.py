"""Issuing certificates: at the end of a review run, and for pages live before certification."""

import hashlib
import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation

from wagtail.coreutils import get_dummy_request
from wagtail.models import Page, Site, TaskState

from hub_site.certification.authorship import acts_for_absent_reviewer, authors_of_run, run_refusal
from hub_site.certification.models import (
    DUE_WITHIN_DAYS,
    ApprovalNote,
    Certificate,
    CertificationSettings,
    CertifiedHtml,
    ReferenceSequence,
    content_label,
)
from hub_site.gate.cookies import COOKIE_NAME as CONFIRMATION_COOKIE
from hub_site.gate.cookies import signed_confirmation
from hub_site.translation.approval import number_confirmations


def stable_json(content):
    """The revision's content as canonical JSON: keys sorted, no spaces, UTF-8.

    Anyone can recompute ``content_sha256`` with
    ``sha256(json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False))``.
    """
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder
    )


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def certified_content(revision):
    """The revision's content as stored (JSON), and its SHA-256."""
    text = stable_json(revision.content)
    return {"content": json.loads(text), "content_sha256": sha256(text)}


def site_of(obj):
    site = obj.get_site() if isinstance(obj, Page) else None
    return site or Site.objects.filter(is_default_site=True).first()


def next_reference_code(prefix, year):
    """PREFIX-YEAR-NNNN, the next of its year; concurrent issuers wait on the row lock."""
    ReferenceSequence.objects.bulk_create(
        [ReferenceSequence(prefix=prefix, year=year)], ignore_conflicts=True
    )
    sequence = ReferenceSequence.objects.select_for_update().get(prefix=prefix, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{prefix}-{year}-{sequence.last_number:04d}"


def person(user):
    if user is None:
        return None
    return {
        "id": user.pk,
        "username": user.get_username(),
        "name": user.get_full_name() or user.get_username(),
    }


def describe(obj):
    specific = obj.specific if isinstance(obj, Page) else obj
    locale = getattr(specific, "locale", None)
    return {
        "content_type_label": content_label(specific),
        "object_id": str(specific.pk),
        "specific_type": str(specific._meta.verbose_name),
        "title": str(specific)[:255],
        "locale": locale.language_code if locale else "",
        "url": (specific.get_url() or "") if isinstance(specific, Page) else "",
    }


def approvals_of_run(workflow_state, revision):
    """The approved step of each task on the revision going live, in workflow order."""
    states = TaskState.objects.filter(
        workflow_state=workflow_state, revision=revision, status=TaskState.STATUS_APPROVED
    ).select_related("finished_by", "task")
    latest_per_task = {}
    for state in states.order_by("finished_at", "pk"):
        latest_per_task[state.task_id] = state
    order = [task.pk for task in workflow_state.workflow.tasks]
    return [latest_per_task[pk] for pk in order if pk in latest_per_task]


@transaction.atomic
def issue_certificate(workflow_state, revision):
    """Check the run's approvals once more and write its certificate (before publishing).

    Raises PermissionDenied, rolling back the last approval, if the run breaks a rule.
    """
    obj = revision.as_object()
    approvals = approvals_of_run(workflow_state, revision)
    refusal = run_refusal(workflow_state, approvals)
    if refusal:
        raise PermissionDenied(refusal)
    notes = {
        note.task_state_id: note
        for note in ApprovalNote.objects.filter(task_state_id__in=[s.pk for s in approvals])
    }
    now = timezone.now()
    settings_ = CertificationSettings.for_site(site_of(obj))
    review_by = settings_.review_by_from(now)
    chosen = [note.review_by for note in notes.values() if note.review_by]
    if chosen:
        review_by = min([review_by, *chosen])
    steps = []
    for state in approvals:
        note = notes.get(state.pk)
        steps.append(
            {
                "task": state.task.name,
                "approver": person(state.finished_by),
                "approved_at": state.finished_at.isoformat(),
                "comment": state.comment,
                "stands_in_for_absent_reviewer": bool(
                    note.stands_in_for_absent_reviewer
                    if note
                    else acts_for_absent_reviewer(state.task.specific, state.finished_by)
                ),
                "review_by": note.review_by.isoformat() if note and note.review_by else None,
            }
        )
    authors = sorted(authors_of_run(workflow_state))
    users = get_user_model().objects.in_bulk(authors)
    return Certificate.objects.create(
        kind=Certificate.Kind.WORKFLOW,
        reference_code=next_reference_code(settings_.reference_prefix, now.year),
        **describe(obj),
        revision_id=revision.pk,
        revision_created_at=revision.created_at,
        **certified_content(revision),
        steps=steps,
        authors=[person(users[pk]) for pk in authors if pk in users],
        number_confirmations=number_confirmations(obj),
        workflow_name=workflow_state.workflow.name,
        workflow_state_id=workflow_state.pk,
        submitted_by=workflow_state.requested_by.get_username()
        if workflow_state.requested_by
        else "",
        issued_at=now,
        review_by=review_by,
        go_live_at=getattr(obj, "go_live_at", None),
    )


def legacy_certificate(revision, obj=None):
    """The unsaved legacy record of ``revision``: no approvals, due for re-certification
    at once and expired (the reader notice, per settings) after the usual warning period,
    if nobody re-certifies it.

    ``obj`` is the revision's object when the caller already has it in memory (bulk
    creation, which saves the query ``revision.as_object()`` costs).
    """
    return Certificate(
        kind=Certificate.Kind.LEGACY,
        **describe(revision.as_object() if obj is None else obj),
        revision_id=revision.pk,
        revision_created_at=revision.created_at,
        **certified_content(revision),
        review_by=timezone.localdate() + timedelta(days=DUE_WITHIN_DAYS),
    )


def record_legacy_certificate(revision, html=None):
    """A record for content that was live before certification (``legacy_certificate``),
    with the HTML readers get when it is given."""
    certificate = legacy_certificate(revision)
    certificate.save()
    if html is not None:
        CertifiedHtml.objects.create(certificate=certificate, html=html, html_sha256=sha256(html))
    return certificate


def render_reader_html(page):
    """The page as a confirmed reader in its language gets it (nothing of theirs on it:
    no answers, no votes), which is what the page and edge caches hand every reader."""
    page = page.specific
    site = page.get_site()
    path = page.get_url_parts()[2] if site else "/"
    request = get_dummy_request(path=path, site=site)
    request.user = AnonymousUser()
    # A reader who has passed the gate: the page shows them its footer's withdraw link.
    request.COOKIES[CONFIRMATION_COOKIE] = signed_confirmation()
    with translation.override(page.locale.language_code):
        response = page.serve(request)
        if hasattr(response, "render"):
            response.render()
    return response.content.decode()


def record_published_html(page, revision):
    """Store the HTML of a certified revision as it goes live (once per certificate)."""
    certificate = (
        Certificate.objects.filter(revision_id=revision.pk, kind=Certificate.Kind.WORKFLOW)
        .order_by("-pk")
        .first()
    )
    if certificate is None or CertifiedHtml.objects.filter(pk=certificate.pk).exists():
        return
    html = render_reader_html(page)
    CertifiedHtml.objects.create(certificate=certificate, html=html, html_sha256=sha256(html))
