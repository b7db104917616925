"""Assign review workflows and translators' permissions to new trees as they appear."""

from django.db.models.signals import post_save

from wagtail.models import Locale, Page

from hub_site.workflows.role_sync import assign_funder_review, assign_translation_tree


def assign_workflows_to_new_pages(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page):
        return
    # A translated site root: the root of a new locale's tree, made by wagtail-localize.
    if instance.depth == 2 and instance.locale_id != Locale.get_default().pk:
        assign_translation_tree(instance)
    elif (
        instance._meta.label_lower == "home.funderindexpage"
        and instance.locale_id == Locale.get_default().pk
    ):
        assign_funder_review(instance)


def connect():
    post_save.connect(assign_workflows_to_new_pages, dispatch_uid="hub_workflows_new_pages")
