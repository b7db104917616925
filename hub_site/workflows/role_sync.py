"""Puts the roles (``roles.py``) into the database: each group's permissions, and the review
workflow of each page tree.

``sync_roles`` runs after every ``migrate``: it sets each group's permissions to exactly its
role's and assigns workflows, for what exists at that point (models added by later
migrations, locale trees created by translators), so it is idempotent and safe to run at any
time. New trees get theirs as they are created (``signals.py``).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hub_site.workflows.models import FourEyesApprovalTask
from hub_site.workflows.roles import (
    ALL_PAGE_PERMISSIONS,
    COLLECTION_MANAGE,
    EDITORIAL_REVIEW,
    FUNDER_REVIEW,
    PAGE_EDIT,
    ROLES,
    TRANSLATION_TASK_GROUPS,
    TRANSLATORS,
    translation_review_name,
)


def _permissions(labels):
    found = []
    for label in labels:
        app_label, codename = label.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def _page_permissions(types):
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=[f"{kind}_page" for kind in types],
        )
    )


def _grant_page_permissions(group, page, types):
    for permission in _page_permissions(types):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    # Publishing is the certified review run's alone; a grant from before is taken back.
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()


def _set_collection_permissions(group, types):
    """Exactly ``types`` on the root collection, and nothing on any other: Wagtail's starter
    data gives its "Editors" group more than our editors' role."""
    root = Collection.get_first_root_node()
    if root is None:
        return
    permissions = _permissions(types)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def default_locale_root():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(Locale.get_default())


def translation_roots():
    """The root pages of the non-default locale trees that exist so far."""
    source_root = default_locale_root()
    if source_root is None:
        return []
    return list(
        source_root.get_translations().exclude(locale=Locale.get_default()).select_related("locale")
    )


def ensure_translation_workflow(language_code):
    name = translation_review_name(language_code)
    task, created = FourEyesApprovalTask.objects.get_or_create(name=name)
    if created:
        task.groups.set(Group.objects.filter(name__in=TRANSLATION_TASK_GROUPS))
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_translation_tree(root_page):
    """Give a non-default locale's tree its translators' permissions and review workflow."""
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is not None:
        _grant_page_permissions(translators, root_page, PAGE_EDIT)
    workflow = ensure_translation_workflow(root_page.locale.language_code)
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})


def assign_funder_review(funder_index_page):
    workflow = Workflow.objects.filter(name=FUNDER_REVIEW).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=funder_index_page, defaults={"workflow": workflow})


@transaction.atomic
def sync_roles(using="default", **kwargs):
    groups = {group.name: group for group in Group.objects.filter(name__in=[r.name for r in ROLES])}
    if len(groups) < len(ROLES):
        return  # before this app's data migration has run

    source_root = default_locale_root()
    site_root = Page.get_first_root_node()
    for role in ROLES:
        group = groups[role.name]
        if role.all_permissions:
            group.permissions.set(Permission.objects.exclude(codename="publish_page"))
            if site_root is not None:
                _grant_page_permissions(group, site_root, ALL_PAGE_PERMISSIONS)
            _set_collection_permissions(group, COLLECTION_MANAGE)
            continue
        # The role is the whole truth: a permission the group got elsewhere (Wagtail's and
        # wagtail-localize's starter data grant "Editors" deleting media and translating
        # into any language) is taken away.
        group.permissions.set(_permissions(role.permissions))
        _set_collection_permissions(
            group, [p for p in role.permissions if p.startswith(("wagtailimages.", "wagtaildocs."))]
        )
        if source_root is not None and role.source_page_permissions:
            _grant_page_permissions(group, source_root, role.source_page_permissions)

    editorial = Workflow.objects.filter(name=EDITORIAL_REVIEW).first()
    if editorial is not None and site_root is not None:
        WorkflowPage.objects.update_or_create(page=site_root, defaults={"workflow": editorial})
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES[1:]:
        ensure_translation_workflow(code)
    for root in translation_roots():
        assign_translation_tree(root)
    if source_root is not None:
        for funder_index in source_root.get_descendants().filter(
            content_type__app_label="home", content_type__model="funderindexpage"
        ):
            assign_funder_review(funder_index)
