"""The disclosure rule: an article is submitted for review, and approved at any step, only
while each of its contributors has a disclosure confirmed in the last 12 months
(``Contributor.disclosure_problem``). And the funder flag: compliance hears when a
contributor discloses a relationship with a funder of the article's programmes.

The rule is judged on the content under review: the revision a step approves, the latest
revision when a review starts, the contributors an editor's form posts. It holds at every
door. The edit view's Submit, Resubmit, Restart and Approve (``guard_edit_view``) and the
translation's Submit for review refuse with a message before anything is saved; a new
article submitted from its creation form is saved as a draft instead
(``guard_create_view``); every approval asks the review task (``FourEyesApprovalTask``),
which withholds Approve and refuses it; whatever code starts or resumes a review passes
``refuse_review_without_disclosures``, the last line.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import Page, Revision, RevisionMixin, WorkflowState

from articles.models import Contributor, Programme
from hub_site.workflows.roles import COMPLIANCE_REVIEWERS, in_any_group, is_site_manager

CONTRIBUTOR_LINKS = "contributor_links"


class DisclosureRefused(PermissionDenied):
    pass


# What content lists: contributor and programme ids, from an object or a stored revision.


def lists_contributors(obj):
    return hasattr(obj, CONTRIBUTOR_LINKS)


def contributor_ids_of(obj):
    return [link.contributor_id for link in getattr(obj, CONTRIBUTOR_LINKS).all()]


def programme_ids_of(obj):
    return [programme.pk for programme in obj.programmes.all()]


def contributor_ids_in(revision):
    """From the revision's stored content (Wagtail's serialization of the page and its
    child objects), without building the page: a dashboard reads ten at once."""
    return [link["contributor"] for link in revision.content.get(CONTRIBUTOR_LINKS) or []]


def programme_ids_in(revision):
    return list(revision.content.get("programmes") or [])


class PostedContributorLink(forms.Form):
    contributor = forms.IntegerField(required=False)


class PostedContributorLinkSet(forms.BaseFormSet):
    # Wagtail's inline panels mark a removed row with a hidden DELETE field.
    deletion_widget = forms.HiddenInput


PostedContributorLinks = forms.formset_factory(
    PostedContributorLink, formset=PostedContributorLinkSet, can_delete=True, extra=0
)


def contributor_ids_posted(data):
    """The contributors an edit form lists (what submitting it saves), or None when the
    form does not list them readably (the form itself refuses it then)."""
    links = PostedContributorLinks(data, prefix=CONTRIBUTOR_LINKS)
    if not links.is_valid():
        return None
    return [
        form.cleaned_data["contributor"]
        for form in links.forms
        if form.cleaned_data.get("contributor") and not form.cleaned_data.get("DELETE")
    ]


# The contributors and funders those ids name: a fixed number of queries for any number.


def contributors_by_id(ids):
    contributors = Contributor.objects.filter(pk__in=set(ids)).prefetch_related(
        "relationships__funder"
    )
    return {contributor.pk: contributor for contributor in contributors}


def funders_by_programme(ids):
    """{programme id: [(programme, funder), …]}."""
    programmes = Programme.objects.filter(pk__in=set(ids)).prefetch_related("funders")
    return {
        programme.pk: [(programme, funder) for funder in programme.funders.all()]
        for programme in programmes
    }


def in_order(ids, by_id):
    return [by_id[pk] for pk in ids if pk in by_id]


# The rule and the flag.


def disclosure_problems(contributors):
    return [
        problem for contributor in contributors if (problem := contributor.disclosure_problem())
    ]


def refusal(problems):
    if not problems:
        return None
    return " ".join(
        [
            _(
                "An article is submitted for review and approved only while each of its "
                "contributors has a disclosure confirmed in the last 12 months."
            ),
            *problems,
        ]
    )


def funder_flags(contributors, programme_funders):
    """One sentence per relationship a contributor discloses with a funder of the article's
    programmes (``FinancialRelationship.names_funder``)."""
    flags = []
    for contributor in contributors:
        for relationship in contributor.relationships.all():
            for programme, funder in programme_funders:
                if relationship.names_funder(funder):
                    flags.append(
                        _(
                            "Funder relationship: %(contributor)s discloses %(nature)s from "
                            "%(company)s, a funder of this article's programme “%(programme)s”."
                        )
                        % {
                            "contributor": contributor,
                            "nature": relationship.nature,
                            "company": relationship.company,
                            "programme": programme,
                        }
                    )
                    break
    return flags


def sees_funder_flags(user):
    return is_site_manager(user) or in_any_group(user, (COMPLIANCE_REVIEWERS,))


def contributors_refusal(ids):
    """Why content listing the contributors of ``ids`` may not be submitted or approved,
    or None."""
    return refusal(disclosure_problems(in_order(ids, contributors_by_id(ids))))


def revision_refusal(revision):
    return contributors_refusal(contributor_ids_in(revision))


def latest_refusal(obj):
    """Why the latest revision of ``obj`` may not be submitted, or None. ``obj`` may be a
    page's base row, as a workflow state holds it."""
    revision = obj.get_latest_revision() if isinstance(obj, RevisionMixin) else None
    if revision is not None:
        return revision_refusal(revision)
    obj = obj.specific if isinstance(obj, Page) else obj
    return contributors_refusal(contributor_ids_of(obj)) if lists_contributors(obj) else None


def refusals(page):
    """``latest_refusal`` as a list, beside other reasons a submission is refused."""
    reason = latest_refusal(page)
    return [reason] if reason else []


def task_refusal(task_state):
    """Why the step of ``task_state`` may not be approved, or None: the revision it
    reviews."""
    revision = task_state.revision
    return revision_refusal(revision) if revision else None


def review_flags(task_states, user):
    """{task state id: [sentence, …]} for dashboard rows: each step's disclosure problems
    for every reviewer, and its funder relationships for compliance reviewers and site
    managers. A fixed number of queries for all the rows, read from their revisions."""
    revisions = Revision.objects.in_bulk(
        [task_state.revision_id for task_state in task_states if task_state.revision_id]
    )
    contributor_ids = {pk: contributor_ids_in(revision) for pk, revision in revisions.items()}
    contributors = contributors_by_id(pk for ids in contributor_ids.values() for pk in ids)
    with_funders = sees_funder_flags(user)
    programme_ids = {pk: programme_ids_in(revision) for pk, revision in revisions.items()}
    funders = (
        funders_by_programme(pk for ids in programme_ids.values() for pk in ids)
        if with_funders
        else {}
    )
    flags = {}
    for task_state in task_states:
        if task_state.revision_id not in revisions:
            continue
        listed = in_order(contributor_ids[task_state.revision_id], contributors)
        found = disclosure_problems(listed)
        if with_funders:
            pairs = [
                pair for pk in programme_ids[task_state.revision_id] for pair in funders.get(pk, [])
            ]
            found += funder_flags(listed, pairs)
        if found:
            flags[task_state.pk] = found
    return flags


# The admin's doors.


def submits(request):
    return any(request.POST.get(name) for name in ("action-submit", "action-restart-workflow"))


def approves(request):
    return (
        "action-workflow-action" in request.POST
        and request.POST.get("workflow-action-name") == "approve"
    )


def guard_edit_view(request, page):
    """``before_edit_page``: refuse Submit, Resubmit, Restart and Approve while a
    contributor's disclosure blocks them, and say so, and flag funder relationships to
    compliance, when the editor opens."""
    if not lists_contributors(page):
        return None
    if request.method == "POST":
        reason = None
        if submits(request):
            posted = contributor_ids_posted(request.POST)
            reason = contributors_refusal(contributor_ids_of(page) if posted is None else posted)
        elif approves(request) and page.current_workflow_task_state:
            reason = task_refusal(page.current_workflow_task_state)
        if reason:
            messages.error(request, " ".join([_("Nothing was saved."), reason]))
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    if request.method == "GET":
        show_banners(request, page)
    return None


def guard_create_view(request, parent_page, page_class):
    """``before_create_page``: a new article whose contributors' disclosures block its
    submission is saved as a draft instead, so the editor loses nothing, and told why."""
    if not (
        request.method == "POST"
        and request.POST.get("action-submit")
        and hasattr(page_class, CONTRIBUTOR_LINKS)
    ):
        return None
    reason = contributors_refusal(contributor_ids_posted(request.POST) or [])
    if reason:
        messages.error(request, " ".join([_("Not submitted for review."), reason]))
        # Wagtail's create view then takes the post for "Save draft".
        request.POST = request.POST.copy()
        del request.POST["action-submit"]
    return None


def show_banners(request, page):
    """``page`` is its latest revision, as the edit view shows it."""
    ids = contributor_ids_of(page)
    contributors = in_order(ids, contributors_by_id(ids))
    reason = refusal(disclosure_problems(contributors))
    if reason:
        messages.warning(request, reason)
    if page.workflow_in_progress and sees_funder_flags(request.user):
        pairs = [
            pair
            for pairs in funders_by_programme(programme_ids_of(page)).values()
            for pair in pairs
        ]
        for flag in funder_flags(contributors, pairs):
            messages.warning(request, flag)


def refuse_review_without_disclosures(sender, instance, raw=False, **kwargs):
    """The last line: a review started (``workflow.start``) or resumed (``resume``) by any
    code, for content whose latest revision a contributor's disclosure blocks."""
    if raw or instance.status != WorkflowState.STATUS_IN_PROGRESS:
        return
    if (
        instance.pk is not None
        and WorkflowState.objects.filter(
            pk=instance.pk, status=WorkflowState.STATUS_IN_PROGRESS
        ).exists()
    ):
        return  # already in review: moving between steps
    reason = latest_refusal(instance.content_object)
    if reason:
        raise DisclosureRefused(reason)


def connect():
    pre_save.connect(
        refuse_review_without_disclosures,
        sender=WorkflowState,
        dispatch_uid="hub-workflows-disclosures",
    )
