"""The editorial roles, as data: which group may do what, and which workflow reviews what.

Groups and the editorial workflows are created by this app's data migration, so every
install has them; ``role_sync`` gives the groups their roles' permissions and the page
trees their workflows.
"""

from dataclasses import dataclass, field

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
# The glossary of agreed term translations: kept by the translation reviewers, read by the
# translators it guides.
GLOSSARY_VIEW = ("hub_translation.view_glossaryterm",)
GLOSSARY_EDIT = (
    *GLOSSARY_VIEW,
    "hub_translation.add_glossaryterm",
    "hub_translation.change_glossaryterm",
    "hub_translation.delete_glossaryterm",
)
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
            "articles.add_contributor",
            "articles.change_contributor",
            "articles.add_programme",
            "articles.change_programme",
            "home.add_sponsorshiplevel",
            "home.change_sponsorshiplevel",
            "hub_gate.add_gatecopy",
            "hub_gate.change_gatecopy",
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
            *GLOSSARY_VIEW,
        ),
        translation_page_permissions=PAGE_EDIT,
        description="Create and edit translations in the other languages; submit them.",
    ),
    Role(
        TRANSLATION_REVIEWERS,
        permissions=("wagtailadmin.access_admin", *MEDIA_CHOOSE, *GLOSSARY_EDIT),
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
