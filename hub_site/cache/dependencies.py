"""What a page shows, noted while it renders, and what a change touches.

Noting (``hub_site.shown``): every model instance Django builds from the database while a
response renders is a row the page shows (Django's ``post_init`` signal), except rows no
reader page shows (``shows_on_reader_pages``) and rows every page shows: site settings,
sites, locales and what ``CACHE_SITE_WIDE_MODELS`` names retire every page when they
change, so noting them would only fill the
index. Lists are noted by the code that draws them (``shown_list``).

Touching: a changed row touches its own tag. A page whose place in lists may have changed
(published for the first time or again after a withdrawal, withdrawn, moved, deleted, or
linked to other rows than before: another topic, another parent) also touches the lists
hanging from what it is listed under (``list_anchors``): its ancestors (an index lists its
children, a home page its descendants), the rows it links to (the topics whose related
articles it may join) and its type.
"""

from functools import cache

from django.conf import settings
from django.db.models.signals import post_init

from modelcluster.models import get_all_child_relations
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractRendition
from wagtail.models import Locale, Page, Site

from hub_site import shown

# Rows written by readers, by rendering, or by the CMS for itself, that no reader page
# shows: saving them retires no cached page, at either layer. Anything not listed does.
NOT_SHOWN_APPS = frozenset(
    {
        "sessions",
        "axes",
        "contenttypes",
        # Staff second factors (django-otp).
        "otp_static",
        "otp_totp",
        # Tags of images and documents, shown only in the admin.
        "taggit",
        # Translation work in progress: readers see a translation once it is published
        # (a page signal) or saved (a translated snippet's own row).
        "wagtail_localize",
        # Releases hold approved revisions back; readers see them once published (a page
        # signal).
        "hub_releases",
        # The task queue's own rows.
        "django_tasks_database",
    }
)
NOT_SHOWN_MODELS = frozenset(
    {
        "auth.User",
        "auth.Group",
        "auth.Permission",
        "home.PersonalDataErasure",
        "hub_translation.ChangedSegment",
        "hub_translation.GlossaryTerm",
        "hub_translation.GlossaryWarningReason",
        "hub_translation.NumberCheckConfirmation",
        "hub_translation.TranslationMemoryEntry",
        "hub_workflows.FourEyesApprovalTask",
        "surveys.PollVote",
        "surveys.QuizAnswer",
        "surveys.QuizAttempt",
        "surveys.SurveyResponse",
        # Funded programmes are for outcome reports, shown in the admin only.
        "articles.Programme",
        # Reader search's documents, written when an article is published (a page signal).
        "articles.ArticleSearchDocument",
        # Counts kept when old answers are purged: results' totals stay the same.
        "surveys.PollVoteTally",
        "surveys.SurveyAnswerTally",
        "surveys.SurveyResponseTally",
        "wagtailforms.FormSubmission",
        "wagtailembeds.Embed",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailcore.APIToken",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.GroupApprovalTask",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.GroupSitePermission",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.PageSubscription",
        "wagtailcore.ReferenceIndex",
        # Drafts and moderation: readers see a page's content once it is published.
        "wagtailcore.Revision",
        "wagtailcore.Task",
        "wagtailcore.TaskState",
        "wagtailcore.UploadedFile",
        "wagtailcore.Workflow",
        "wagtailcore.WorkflowContentType",
        "wagtailcore.WorkflowPage",
        "wagtailcore.WorkflowState",
        "wagtailcore.WorkflowTask",
        "wagtailadmin.Admin",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "wagtailusers.UserProfile",
    }
)
# Rows every page shows: a change retires every page (hub_site.cache.invalidation).
SITE_WIDE_MODELS = (BaseSiteSetting, BaseGenericSetting, Site, Locale)


@cache
def shows_on_reader_pages(model):
    if model._meta.app_label in NOT_SHOWN_APPS or model._meta.label in NOT_SHOWN_MODELS:
        return False
    return not issubclass(model, AbstractRendition)


@cache
def is_site_wide(model):
    return (
        issubclass(model, SITE_WIDE_MODELS) or model._meta.label in settings.CACHE_SITE_WIDE_MODELS
    )


@cache
def is_noted(model):
    return shows_on_reader_pages(model) and not is_site_wide(model)


def note_instance(sender, instance, **kwargs):
    # Instances built by code (not yet saved) have no primary key and nothing to retire.
    if shown.is_noting() and instance.pk is not None and is_noted(sender):
        shown.note(shown.tag_for(instance))


def connect():
    post_init.connect(note_instance, dispatch_uid="hub-shown-instances")


# Links every page has, which say nothing about the lists it is in.
PAGE_BOOKKEEPING = frozenset(
    {"content_type", "owner", "locked_by", "latest_revision", "live_revision", "alias_of", "locale"}
)


def linked_tags(instance, skip=frozenset()):
    tags = set()
    for field in instance._meta.concrete_fields:
        if not field.many_to_one or field.name in skip or field.name in PAGE_BOOKKEEPING:
            continue
        target = field.related_model
        value = getattr(instance, field.attname)
        if value is None or not is_noted(target):
            continue
        label = "page" if issubclass(target, Page) else target._meta.label_lower
        tags.add(f"{label}:{value}")
    return tags


def list_anchors(page):
    """The tags of what ``page`` is listed under: ancestors, linked rows, its type.

    Its links include those of its inline rows (an article's topics are rows of their
    own, linked to the topic): modelcluster keeps them on the page being published.
    """
    tags = {f"page:{pk}" for pk in Page.objects.ancestor_of(page).values_list("pk", flat=True)}
    tags |= linked_tags(page)
    for relation in get_all_child_relations(page):
        parental_key = relation.field.name
        for child in getattr(page, relation.get_accessor_name()).all():
            tags |= linked_tags(child, skip={parental_key})
    tags.add(shown.tag_for(page.specific_class or type(page)))
    return tags
