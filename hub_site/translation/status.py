"""Every translatable page and snippet × every other language in use, with its translation's
state; and who the report is for.

The number of queries is fixed by the number of translatable models, never by the rows.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, TranslationSource

from hub_site.translation.languages_in_use import languages_in_use
from hub_site.workflows.roles import (
    COMPLIANCE_REVIEWERS,
    EDITORS,
    MEDICAL_REVIEWERS,
    SITE_MANAGERS,
    TRANSLATION_REVIEWERS,
    TRANSLATORS,
    in_any_group,
)

MISSING, DRAFT, IN_REVIEW, PUBLISHED = "missing", "draft", "in_review", "published"
OUT_OF_DATE, MACHINE = "out_of_date", "machine"
STATUSES = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    IN_REVIEW: _("In review"),
    PUBLISHED: _("Published"),
    # Flags on a translation that exists, offered as filters beside its state.
    OUT_OF_DATE: _("Out of date"),
    MACHINE: _("Machine text unedited"),
}
PAGE = "page"

# Their review is of the English content; translation is other groups' work.
CONTENT_REVIEWERS = (MEDICAL_REVIEWERS, COMPLIANCE_REVIEWERS)
TRANSLATION_WORK = (EDITORS, TRANSLATORS, TRANSLATION_REVIEWERS, SITE_MANAGERS)


def may_view_translation_reports(user):
    """Everyone with the admin, but the medical and compliance reviewers; one of them who
    also belongs to a group that translates, or commissions translations, keeps them."""
    return (
        user.is_superuser
        or in_any_group(user, TRANSLATION_WORK)
        or not in_any_group(user, CONTENT_REVIEWERS)
    )


@dataclass
class StatusRow:
    title: str
    # PAGE, or the snippet model's label ("app_label.model_name"): the type filter's value.
    kind: str
    type_label: str
    locale: Locale
    status: str
    out_of_date: bool = False
    machine: bool = False
    url: str = ""

    @property
    def status_label(self):
        return STATUSES[self.status]

    @property
    def language(self):
        return self.locale.get_display_name()

    def matches(self, status="", language_code="", kind=""):
        return (
            (
                not status
                or self.status == status
                or (status == OUT_OF_DATE and self.out_of_date)
                or (status == MACHINE and self.machine)
            )
            and (not language_code or self.locale.language_code == language_code)
            and (not kind or self.kind == kind)
        )


def _snippet_edit_url(instance):
    opts = instance._meta
    try:
        return reverse(
            f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[instance.pk]
        )
    except NoReverseMatch:
        return ""


def translate_url(source):
    """wagtail-localize's Translate dialog of ``source``."""
    if isinstance(source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    opts = source._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[opts.app_label, opts.model_name, quote(source.pk)],
    )


def _translatable_snippet_models():
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and apps.is_installed(model._meta.app_config.name)
    ]


def type_choices():
    return [(PAGE, _("Page"))] + [
        (model._meta.label_lower, capfirst(model._meta.verbose_name))
        for model in _translatable_snippet_models()
    ]


def target_locales():
    """The languages translated into: those in use but the default one."""
    return list(languages_in_use().exclude(pk=Locale.get_default().pk))


def translation_status(locales=None):
    """One row per translatable object of the default locale and language of ``locales``
    (by default every language in use), in the page tree's order, snippets after."""
    default = Locale.get_default()
    locales = target_locales() if locales is None else locales
    # (kind, type label, source object, {locale_id: target}, source published at)
    sources = []
    pages = Page.objects.filter(depth__gt=1).exclude(locale=default).order_by("path")
    source_pages = (
        Page.objects.filter(depth__gt=1, locale=default).order_by("path").specific(defer=True)
    )
    targets_by_key = {}
    for page in pages:
        targets_by_key.setdefault(page.translation_key, {})[page.locale_id] = page
    page_label = str(_("Page"))
    for page in source_pages:
        sources.append(
            (
                PAGE,
                page_label,
                page,
                targets_by_key.get(page.translation_key, {}),
                page.last_published_at,
            )
        )
    for model in _translatable_snippet_models():
        objects = list(model.objects.all())
        snippet_targets = {}
        for obj in objects:
            if obj.locale_id != default.pk:
                snippet_targets.setdefault(obj.translation_key, {})[obj.locale_id] = obj
        label = capfirst(model._meta.verbose_name)
        for obj in objects:
            if obj.locale_id == default.pk:
                sources.append(
                    (
                        model._meta.label_lower,
                        label,
                        obj,
                        snippet_targets.get(obj.translation_key, {}),
                        getattr(obj, "last_published_at", None),
                    )
                )

    keys = [source.translation_key for _kind, _label, source, _t, _p in sources]
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
    for kind, type_label, source, targets, published_at in sources:
        title = str(source.title if kind == PAGE else source)
        for loc in locales:
            target = targets.get(loc.pk)
            if target is None:
                url = f"{translate_url(source)}?{urlencode({'select_locale': loc.language_code})}"
                rows.append(StatusRow(title, kind, type_label, loc, MISSING, url=url))
                continue
            base_ct = (
                page_ct.pk
                if kind == PAGE
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
                if kind == PAGE
                else _snippet_edit_url(target)
            )
            rows.append(
                StatusRow(
                    title,
                    kind,
                    type_label,
                    loc,
                    state,
                    out_of_date=bool(published_at and synced and published_at > synced),
                    machine=(source.translation_key, loc.pk) in machine,
                    url=url,
                )
            )
    return rows
