"""The editorial roles, as data: which group may do what, and which workflow reviews what.

Groups and the editorial workflows are created by this app's data migration, so every
install has them. ``sync_roles`` runs after every ``migrate``: it sets each group's
permissions to exactly its role's and assigns workflows, for what exists at that point
(models added by later migrations, locale trees created by translators), so it is
idempotent and safe to run at any time.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
COMPLIANCE_REVIEWERS = "Compliance reviewers"
TRANSLATORS = "Translators"
TRANSLATION_REVIEWERS = "Translation reviewers"
SITE_MANAGERS = "Site managers"

EDITORIAL_REVIEW = "Editorial review"
FUNDER_REVIEW = "Funder review"
MEDICAL_REVIEW_TASK = "Medical review"
COMPLIANCE_TASK = "Compliance sign-off"
TRANSLATION_REVIEW = "Translation review"

PAGE_EDIT = ("add", "change", "lock", "unlock")
MEDIA_EDIT = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
MEDIA_CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
# Wagtail checks media and collection management against permissions held on collections.
COLLECTION_MANAGE = (
    *MEDIA_EDIT,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
)


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.codename"; permissions of apps not installed are skipped.
    permissions: tuple[str, ...] = ()
    # Page permission types on the default locale's tree and on the other locales' trees.
    source_page_permissions: tuple[str, ...] = ()
    translation_page_permissions: tuple[str, ...] = ()
    all_permissions: bool = False
    description: str = field(default="", compare=False)


ROLES = (
    Role(
        EDITORS,
        permissions=(
            "wagtailadmin.access_admin",
            *MEDIA_EDIT,
            "articles.add_topic",
            "articles.change_topic",
            "home.add_sponsorshiplevel",
            "home.change_sponsorshiplevel",
            "hub_site.add_gatecopy",
            "hub_site.change_gatecopy",
            "hub_translation.add_machinetranslationnotice",
            "hub_translation.change_machinetranslationnotice",
        ),
        source_page_permissions=PAGE_EDIT,
        description="Create and edit content in the default language; submit it for review.",
    ),
    Role(
        MEDICAL_REVIEWERS,
        permissions=("wagtailadmin.access_admin", *MEDIA_CHOOSE),
        description="Medical review step: approve or request changes.",
    ),
    Role(
        COMPLIANCE_REVIEWERS,
        permissions=("wagtailadmin.access_admin", *MEDIA_CHOOSE),
        description="Compliance sign-off step; the only reviewers of funder pages.",
    ),
    Role(
        TRANSLATORS,
        permissions=(
            "wagtailadmin.access_admin",
            *MEDIA_CHOOSE,
            "wagtail_localize.submit_translation",
        ),
        translation_page_permissions=PAGE_EDIT,
        description="Create and edit translations in the other languages; submit them.",
    ),
    Role(
        TRANSLATION_REVIEWERS,
        permissions=("wagtailadmin.access_admin", *MEDIA_CHOOSE),
        description="Approve translations in the translation review workflow.",
    ),
    Role(SITE_MANAGERS, all_permissions=True, description="Everything."),
)

# No role publishes pages: only a certified review run does (hub_site/certification).
ALL_PAGE_PERMISSIONS = ("add", "change", "bulk_delete", "lock", "unlock")

# Workflows created by the data migration: name -> task names in order.
EDITORIAL_WORKFLOWS = {
    EDITORIAL_REVIEW: (MEDICAL_REVIEW_TASK, COMPLIANCE_TASK),
    FUNDER_REVIEW: (COMPLIANCE_TASK,),
}
TASK_GROUPS = {
    MEDICAL_REVIEW_TASK: (MEDICAL_REVIEWERS, SITE_MANAGERS),
    COMPLIANCE_TASK: (COMPLIANCE_REVIEWERS, SITE_MANAGERS),
}
TRANSLATION_TASK_GROUPS = (TRANSLATION_REVIEWERS, SITE_MANAGERS)


def group_names(user):
    """The user's group names, looked up once per user object: a request asks several
    times (menus, header buttons, panels)."""
    names = getattr(user, "hub_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True)) if user.pk else frozenset()
        user.hub_group_names = names
    return names


def in_any_group(user, names):
    return not group_names(user).isdisjoint(names)


def is_site_manager(user):
    return user.is_superuser or SITE_MANAGERS in group_names(user)


def translation_review_name(language_code):
    return f"{TRANSLATION_REVIEW} ({language_code})"


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
    from wagtail.models import GroupPagePermission

    for permission in _page_permissions(types):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    # Publishing is the certified review run's alone; a grant from before is taken back.
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()


def _set_collection_permissions(group, types):
    """Exactly ``types`` on the root collection, and nothing on any other: Wagtail's starter
    data gives its "Editors" group more than our editors' role."""
    from wagtail.models import Collection, GroupCollectionPermission

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
    from wagtail.models import Locale, Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(Locale.get_default())


def translation_roots():
    """The root pages of the non-default locale trees that exist so far."""
    from wagtail.models import Locale

    source_root = default_locale_root()
    if source_root is None:
        return []
    return list(
        source_root.get_translations().exclude(locale=Locale.get_default()).select_related("locale")
    )


def ensure_translation_workflow(language_code):
    from wagtail.models import Workflow, WorkflowTask

    # Looked up by name: the task model imports the certification rules, which read the
    # role names here.
    task_model = apps.get_model("hub_workflows", "FourEyesApprovalTask")
    name = translation_review_name(language_code)
    task, created = task_model.objects.get_or_create(name=name)
    if created:
        task.groups.set(Group.objects.filter(name__in=TRANSLATION_TASK_GROUPS))
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_translation_tree(root_page):
    """Give a non-default locale's tree its translators' permissions and review workflow."""
    from wagtail.models import WorkflowPage

    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is not None:
        _grant_page_permissions(translators, root_page, PAGE_EDIT)
    workflow = ensure_translation_workflow(root_page.locale.language_code)
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})


def assign_funder_review(funder_index_page):
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.filter(name=FUNDER_REVIEW).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=funder_index_page, defaults={"workflow": workflow})


@transaction.atomic
def sync_roles(using="default", **kwargs):
    from wagtail.models import Page, Workflow, WorkflowPage

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
