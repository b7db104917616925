"""Every translatable page and snippet × every other locale, with its translation's state.

The number of queries is fixed by the number of translatable models, never by the rows.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, TranslationSource

MISSING, DRAFT, IN_REVIEW, PUBLISHED = "missing", "draft", "in_review", "published"
STATUSES = {
    MISSING: "Missing",
    DRAFT: "Draft",
    IN_REVIEW: "In review",
    PUBLISHED: "Published",
    "out_of_date": "Out of date",
    "machine": "Machine text unedited",
}


@dataclass
class StatusRow:
    title: str
    kind: str
    locale: Locale
    status: str
    out_of_date: bool = False
    machine: bool = False
    url: str = ""
    flags: list = field(default_factory=list)

    def matches(self, status):
        return (
            not status
            or self.status == status
            or (status == "out_of_date" and self.out_of_date)
            or (status == "machine" and self.machine)
        )


def _snippet_edit_url(instance):
    opts = instance._meta
    try:
        return reverse(
            f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[instance.pk]
        )
    except NoReverseMatch:
        return ""


def _translatable_snippet_models():
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and apps.is_installed(model._meta.app_config.name)
    ]


def translation_status(locale=None, status=""):
    default = Locale.get_default()
    locales = [
        loc
        for loc in Locale.objects.exclude(pk=default.pk).order_by("language_code")
        if locale is None or loc.pk == locale.pk
    ]
    # (kind, source object, {locale_id: target}, source published at)
    sources = []
    pages = Page.objects.filter(depth__gt=1).exclude(locale=default).order_by("path")
    source_pages = (
        Page.objects.filter(depth__gt=1, locale=default).order_by("path").specific(defer=True)
    )
    targets_by_key = {}
    for page in pages:
        targets_by_key.setdefault(page.translation_key, {})[page.locale_id] = page
    for page in source_pages:
        sources.append(
            ("page", page, targets_by_key.get(page.translation_key, {}), page.last_published_at)
        )
    for model in _translatable_snippet_models():
        objects = list(model.objects.all())
        snippet_targets = {}
        for obj in objects:
            if obj.locale_id != default.pk:
                snippet_targets.setdefault(obj.translation_key, {})[obj.locale_id] = obj
        for obj in objects:
            if obj.locale_id == default.pk:
                sources.append(
                    (
                        str(model._meta.verbose_name),
                        obj,
                        snippet_targets.get(obj.translation_key, {}),
                        getattr(obj, "last_published_at", None),
                    )
                )

    keys = [source.translation_key for _kind, source, _t, _p in sources]
    synced_at = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=default).values_list(
            "object_id", "last_updated_at"
        )
    )
    machine = set(
        StringTranslation.objects.filter(
            context__object_id__in=keys,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .values_list("context__object_id", "locale_id")
        .distinct()
    )
    in_review = {
        (ct_id, object_id)
        for ct_id, object_id in WorkflowState.objects.filter(status="in_progress").values_list(
            "base_content_type_id", "object_id"
        )
    }
    page_ct = ContentType.objects.get_for_model(Page)

    rows = []
    for kind, source, targets, published_at in sources:
        for loc in locales:
            target = targets.get(loc.pk)
            title = str(source.title if kind == "page" else source)
            if target is None:
                url = (
                    reverse("wagtail_localize:submit_page_translation", args=[source.pk])
                    if kind == "page"
                    else ""
                )
                row = StatusRow(title, kind, loc, MISSING, url=url)
            else:
                base_ct = (
                    page_ct.pk
                    if kind == "page"
                    else ContentType.objects.get_for_model(target, for_concrete_model=False).pk
                )
                if (base_ct, str(target.pk)) in in_review:
                    state = IN_REVIEW
                elif getattr(target, "live", True) and not getattr(
                    target, "has_unpublished_changes", False
                ):
                    state = PUBLISHED
                else:
                    state = DRAFT
                synced = synced_at.get(source.translation_key)
                url = (
                    reverse("wagtailadmin_pages:edit", args=[target.pk])
                    if kind == "page"
                    else _snippet_edit_url(target)
                )
                row = StatusRow(
                    title,
                    kind,
                    loc,
                    state,
                    out_of_date=bool(published_at and synced and published_at > synced),
                    machine=(source.translation_key, loc.pk) in machine,
                    url=url,
                )
            if row.matches(status):
                rows.append(row)
    return rows
