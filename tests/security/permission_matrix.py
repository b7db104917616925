"""The permission matrix as data: role × action × object → allowed.

A new role is one entry in ``ROLES`` (and its allowed cells in ``ALLOWED``); a new action
is one ``Action`` in ``ACTIONS``. ``build_objects`` makes one object of each kind, each
carrying a marker string that must never appear in a refused response.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site
from wagtail_localize.models import StringSegment

from home.models import HomePage, SupportPage
from hub_site.certification.issue import certified_content
from hub_site.certification.models import Certificate
from hub_site.security.models import SecurityContact
from hub_site.workflows import roles
from surveys.models import SurveyFormField, SurveyPage, SurveyResponse
from tests.articles.factories import create_article, create_image, create_index, create_topic
from tests.publishing import publish_certified
from tests.translation.helpers import translate_the_rest, translation_into

# The role of each test user; "manager" (site manager, may do everything) shows that each
# action's URL and data are right, so a refusal elsewhere is a refusal, not a typo.
ROLES = {
    "editor": roles.EDITORS,
    "medical_reviewer": roles.MEDICAL_REVIEWERS,
    "compliance_reviewer": roles.COMPLIANCE_REVIEWERS,
    "translator": roles.TRANSLATORS,
    "translation_reviewer": roles.TRANSLATION_REVIEWERS,
    "manager": roles.SITE_MANAGERS,
}

# Markers: distinctive strings in each object's title or content.
MARKERS = {
    "english_article": "Zircon English article",
    "draft_article": "Quartz draft article",
    "review_article": "Basalt article in review",
    "untranslated_article": "Gneiss untranslated article",
    "spanish_article": "Obsidiana artículo español",
    "spanish_review": "Pizarra artículo en revisión",
    "spanish_partial": "Caliza artículo a medio traducir",
    "topic": "Feldspar topic",
    "image": "Garnet image",
    "document": "Jasper document",
    "collection": "Malachite collection",
    "support_submission": "beryl-reader@hcp.example",
    "survey_response": "Topaz free-text answer",
    "security_contact": "mailto:onyx-security@hub.example",
    "other_user": "agate-staff",
    "certificate": "ONYXCERT-2026-0001",
}


@dataclass(frozen=True)
class Action:
    """One admin request: ``url`` and ``data`` take the built objects and the object name."""

    name: str
    method: str
    url: Callable
    objects: tuple[str, ...]
    data: Callable = field(default=lambda objects, name: {})
    # Wagtail's bulk actions skip the objects a user may not act on and redirect as they
    # do on success: for them, a refusal is that nothing changed.
    bulk: bool = False


def page(objects, name):
    return getattr(objects, name)


def translation_of(objects, name):
    return getattr(objects, f"{name}_translation")


def object_url(url_name):
    """The admin URL ``url_name`` of the named object."""
    return lambda objects, name: reverse(url_name, args=(getattr(objects, name).pk,))


def workflow_action(action_name):
    def url(objects, name):
        task_state = page(objects, name).current_workflow_state.current_task_state
        return reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page(objects, name).pk, action_name, task_state.pk),
        )

    return url


def title_segment_url(objects, name):
    translation = translation_of(objects, name)
    segment = StringSegment.objects.get(
        source=translation.source, string__data=MARKERS[name.replace("spanish", "english")]
    )
    return reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))


MEDIA_URL_PREFIX = {"image": "wagtailimages", "document": "wagtaildocs"}


def submission_page(objects, name):
    return objects.support_page if name == "support_submission" else objects.survey_page


def submissions_url(objects, name):
    return reverse("wagtailforms:list_submissions", args=(submission_page(objects, name).pk,))


def delete_submissions_url(objects, name):
    submission = getattr(objects, name)
    base = reverse("wagtailforms:delete_submissions", args=(submission_page(objects, name).pk,))
    return f"{base}?{urlencode({'selected-submissions': submission.pk})}"


PAGE = ("english_article",)
ACTIONS = (
    Action(
        "edit",
        "GET",
        object_url("wagtailadmin_pages:edit"),
        ("draft_article", "spanish_article"),
    ),
    Action(
        "preview",
        "GET",
        object_url("wagtailadmin_pages:view_draft"),
        ("english_article", "review_article", "spanish_article"),
    ),
    Action(
        "workflow_preview",
        "GET",
        lambda o, n: reverse(
            "wagtailadmin_pages:workflow_preview",
            args=(page(o, n).pk, page(o, n).current_workflow_task.pk),
        ),
        ("review_article", "spanish_review"),
    ),
    Action(
        "compare",
        "GET",
        lambda o, n: reverse(
            "wagtailadmin_pages:revisions_compare", args=(page(o, n).pk, "earliest", "latest")
        ),
        PAGE,
    ),
    Action("history", "GET", object_url("wagtailadmin_pages:history"), PAGE),
    Action(
        "copy",
        "POST",
        object_url("wagtailadmin_pages:copy"),
        PAGE,
        data=lambda o, n: {
            "new_title": "Copied",
            "new_slug": "copied",
            "new_parent_page": o.index.pk,
        },
    ),
    Action(
        "move",
        "POST",
        lambda o, n: reverse(
            "wagtailadmin_pages:move_confirm", args=(page(o, n).pk, o.other_index.pk)
        ),
        PAGE,
    ),
    Action(
        "delete",
        "POST",
        object_url("wagtailadmin_pages:delete"),
        ("english_article", "draft_article"),
    ),
    Action(
        "publish",
        "POST",
        lambda o, n: (
            reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
            + f"?id={page(o, n).pk}"
        ),
        ("draft_article", "spanish_article"),
        data=lambda o, n: {"include_descendants": ""},
        bulk=True,
    ),
    Action("unpublish", "POST", object_url("wagtailadmin_pages:unpublish"), PAGE),
    Action("approve", "POST", workflow_action("approve"), ("review_article", "spanish_review")),
    Action(
        "reject",
        "POST",
        workflow_action("reject"),
        ("review_article", "spanish_review"),
        data=lambda o, n: {"comment": "Needs work."},
    ),
    Action(
        "translate",
        "POST",
        object_url("wagtail_localize:submit_page_translation"),
        ("untranslated_article",),
        data=lambda o, n: {"locales": [o.spanish.pk]},
    ),
    Action(
        "sync",
        "POST",
        lambda o, n: reverse(
            "wagtail_localize:update_translations",
            args=(translation_of(o, n).source.pk,),
        ),
        ("spanish_article",),
    ),
    Action(
        "edit_string",
        "PUT",
        title_segment_url,
        ("spanish_article",),
        data=lambda o, n: {"value": "Título cambiado"},
    ),
    Action(
        "machine_translate",
        "POST",
        lambda o, n: reverse("wagtail_localize:machine_translate", args=(translation_of(o, n).pk,)),
        # A translation with text left to translate (the Spanish article is complete, so
        # that it may be submitted).
        ("spanish_partial",),
        data=lambda o, n: {
            "next": reverse("wagtailadmin_pages:edit", args=(page(o, n).pk,)),
        },
    ),
    Action(
        "submit_translation",
        "POST",
        object_url("hub_workflows:submit_translation"),
        ("spanish_article",),
    ),
    Action("submissions", "GET", submissions_url, ("support_submission", "survey_response")),
    Action(
        "submissions_export",
        "GET",
        lambda o, n: submissions_url(o, n) + "?export=csv",
        ("support_submission", "survey_response"),
    ),
    Action(
        "submissions_delete",
        "POST",
        delete_submissions_url,
        ("support_submission", "survey_response"),
    ),
    Action(
        "settings_edit",
        "POST",
        lambda o, n: reverse(
            "wagtailsettings:edit", args=("hub_security", "securitycontact", o.site.pk)
        ),
        ("security_contact",),
        data=lambda o, n: {
            "contact": "mailto:changed@hub.example",
            "expires": "2027-01-01 00:00",
            "policy": "",
            "preferred_languages": "en",
        },
    ),
    Action("user_list", "GET", lambda o, n: reverse("wagtailusers_users:index"), ("other_user",)),
    Action(
        "user_bulk_deactivate",
        "POST",
        lambda o, n: (
            reverse("wagtail_bulk_action", args=("auth", "user", "set_active_state"))
            + f"?id={o.other_user.pk}"
        ),
        ("other_user",),
        data=lambda o, n: {"mark_as_active": "False"},
        bulk=True,
    ),
    Action(
        "chooser",
        "GET",
        lambda o, n: reverse(f"{MEDIA_URL_PREFIX[n]}_chooser:choose"),
        ("image", "document"),
    ),
    Action(
        "media_edit",
        "GET",
        lambda o, n: reverse(f"{MEDIA_URL_PREFIX[n]}:edit", args=(getattr(o, n).pk,)),
        ("image", "document"),
    ),
    Action(
        "media_delete",
        "POST",
        lambda o, n: reverse(f"{MEDIA_URL_PREFIX[n]}:delete", args=(getattr(o, n).pk,)),
        ("image", "document"),
    ),
    Action(
        "collections",
        "GET",
        lambda o, n: reverse("wagtailadmin_collections:index"),
        ("collection",),
    ),
    Action(
        "collection_delete",
        "POST",
        object_url("wagtailadmin_collections:delete"),
        ("collection",),
    ),
    Action("snippet_edit", "GET", object_url("wagtailsnippets_articles_topic:edit"), ("topic",)),
    Action(
        "snippet_delete",
        "POST",
        object_url("wagtailsnippets_articles_topic:delete"),
        ("topic",),
    ),
    # Certificates are read by those who certify, and changed or deleted by nobody: the
    # admin has no such view (the URLs a snippet's would have), for any role.
    Action(
        "certificate_view",
        "GET",
        object_url("hub_certification_reports:certificate"),
        ("certificate",),
    ),
    Action(
        "certificate_edit",
        "POST",
        lambda o, n: f"/admin/snippets/hub_certification/certificate/edit/{o.certificate.pk}/",
        ("certificate",),
        data=lambda o, n: {"reference_code": "FORGED-2026-0001"},
    ),
    Action(
        "certificate_delete",
        "POST",
        lambda o, n: f"/admin/snippets/hub_certification/certificate/delete/{o.certificate.pk}/",
        ("certificate",),
    ),
)

# The cells a role may do, besides everything the site manager may do. Every other cell
# must be refused and change nothing.
ALLOWED = {
    # Editors write the default language: they edit and preview drafts, compare and see
    # the history of English pages, copy them (a copy is a draft), and delete a draft.
    ("editor", "edit", "draft_article"),
    ("editor", "preview", "english_article"),
    ("editor", "preview", "review_article"),
    ("editor", "compare", "english_article"),
    ("editor", "history", "english_article"),
    ("editor", "copy", "english_article"),
    ("editor", "delete", "draft_article"),
    # Survey responses are anonymous and editors own the survey pages.
    ("editor", "submissions", "survey_response"),
    ("editor", "submissions_export", "survey_response"),
    ("editor", "submissions_delete", "survey_response"),
    ("editor", "snippet_edit", "topic"),
    ("editor", "media_edit", "image"),
    ("editor", "media_edit", "document"),
    # Wagtail's collection permission policy holds deleting an image or document to be the
    # same as changing it; editors change media for their pages.
    ("editor", "media_delete", "image"),
    ("editor", "media_delete", "document"),
    # Reviewers see and decide on what waits at their own step, nothing else.
    ("medical_reviewer", "preview", "review_article"),
    ("medical_reviewer", "workflow_preview", "review_article"),
    ("medical_reviewer", "approve", "review_article"),
    ("medical_reviewer", "reject", "review_article"),
    ("translation_reviewer", "workflow_preview", "spanish_review"),
    ("translation_reviewer", "approve", "spanish_review"),
    ("translation_reviewer", "reject", "spanish_review"),
    # Translators translate English pages into their tree and work only there.
    ("translator", "translate", "untranslated_article"),
    ("translator", "edit", "spanish_article"),
    ("translator", "preview", "spanish_article"),
    ("translator", "sync", "spanish_article"),
    ("translator", "edit_string", "spanish_article"),
    ("translator", "machine_translate", "spanish_partial"),
    ("translator", "submit_translation", "spanish_article"),
    ("medical_reviewer", "certificate_view", "certificate"),
    ("compliance_reviewer", "certificate_view", "certificate"),
}
# Nothing goes live without a certificate, so the site manager too is refused every way
# of publishing outside review; Wagtail's unpublish leads to withdrawal (with a reason),
# and, holding no publish permission, they withdraw a live page before moving or
# deleting it. They approve only for an absent reviewer, with a reason (the matrix posts
# none), and never what they wrote (the review article's last revision is theirs).
MANAGER_REFUSED = {
    ("publish", "draft_article"),
    ("publish", "spanish_article"),
    ("unpublish", "english_article"),
    ("move", "english_article"),
    ("delete", "english_article"),
    ("approve", "review_article"),
    ("approve", "spanish_review"),
    ("certificate_edit", "certificate"),
    ("certificate_delete", "certificate"),
}
# Everyone on the editorial team may pick images and documents for content.
ALLOWED |= {(role, "chooser", kind) for role in ROLES for kind in ("image", "document")}


def cells():
    for role in ROLES:
        for action in ACTIONS:
            for name in action.objects:
                manager_may = role == "manager" and (action.name, name) not in MANAGER_REFUSED
                allowed = manager_may or (role, action.name, name) in ALLOWED
                yield role, action, name, allowed


def make_role_user(role, group_name):
    username = role.replace("_", "-")
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@hub.example", password="matrix-pass-1234"
    )
    user.groups.set(Group.objects.filter(name=group_name))
    return user


def _translate(client, source_page, spanish):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(source_page.pk,)),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 302, response.content[:500]
    translation = translation_into(source_page, spanish.language_code)
    return source_page.get_translation(spanish).specific, translation


def _translate_title(client, translation, source_text, text):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content[:500]


def build_objects():
    """One object of each kind, made as the admin makes them."""
    users = {role: make_role_user(role, group) for role, group in ROLES.items()}
    spanish = Locale.objects.get(language_code="es")
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    # Spanish is a language in use (it has a page tree), so its translations may be made.
    publish_certified(home.copy_for_translation(spanish).save_revision())
    index = create_index(parent=home, title="Matrix articles", slug="matrix-articles")
    other_index = create_index(parent=home, title="Other articles", slug="other-articles")

    english_article = create_article(index, MARKERS["english_article"], slug="english-article")
    english_article.summary = "A later draft of the summary."
    english_article.save_revision(user=users["manager"])

    draft_article = create_article(
        index, MARKERS["draft_article"], slug="draft-article", publish=False
    )
    draft_article.owner = users["editor"]
    draft_article.save(update_fields=["owner"])

    review_article = create_article(
        index, MARKERS["review_article"], slug="review-article", publish=False
    )
    review_article.get_workflow().start(review_article, users["editor"])

    untranslated = create_article(index, MARKERS["untranslated_article"], slug="untranslated")
    reviewed_source = create_article(
        index, MARKERS["spanish_review"].replace("Pizarra", "Slate"), slug="review-source"
    )

    translator = Client()
    translator.force_login(users["translator"])
    spanish_article, spanish_translation = _translate(translator, english_article, spanish)
    _translate_title(
        translator, spanish_translation, MARKERS["english_article"], MARKERS["spanish_article"]
    )
    translate_the_rest(translator, spanish_translation)
    # The draft carries the Spanish title, as after the translator's first save.
    spanish_translation.save_target(user=users["translator"], publish=False)
    spanish_article.refresh_from_db()
    spanish_review, review_translation = _translate(translator, reviewed_source, spanish)
    _translate_title(
        translator, review_translation, reviewed_source.title, MARKERS["spanish_review"]
    )
    translate_the_rest(translator, review_translation)
    partial_source = create_article(
        index, MARKERS["spanish_partial"].replace("Caliza", "Limestone"), slug="partial-source"
    )
    spanish_partial, partial_translation = _translate(translator, partial_source, spanish)
    _translate_title(
        translator, partial_translation, partial_source.title, MARKERS["spanish_partial"]
    )
    response = translator.post(
        reverse("hub_workflows:submit_translation", args=(spanish_review.pk,))
    )
    assert response.status_code == 302, response.content[:500]
    spanish_review.refresh_from_db()

    support_page = home.add_child(
        instance=SupportPage(title="Support us", slug="support-us", to_address="")
    )
    publish_certified(support_page.save_revision())
    support_submission = FormSubmission.objects.create(
        page=support_page,
        form_data={"email": MARKERS["support_submission"], "suggestion": "More on CAR-T."},
    )
    survey_page = SurveyPage(title="Feedback", slug="feedback")
    survey_page.form_fields = [
        SurveyFormField(label="Comments", field_type="multiline", required=False)
    ]
    home.add_child(instance=survey_page)
    publish_certified(survey_page.save_revision())
    survey_response = SurveyResponse.objects.create(
        page=survey_page,
        form_data={"comments": MARKERS["survey_response"]},
        locale=Locale.get_default(),
        survey_key=survey_page.translation_key,
        respondent="respondent-hash",
    )

    collection = Collection.get_first_root_node().add_child(name=MARKERS["collection"])
    image = create_image(title=MARKERS["image"])
    image.uploaded_by_user = users["manager"]
    image.save(update_fields=["uploaded_by_user"])
    document = get_document_model()(title=MARKERS["document"], uploaded_by_user=users["manager"])
    document.file.save("jasper.txt", ContentFile(b"Jasper"), save=False)
    document.save()

    SecurityContact.objects.update_or_create(
        site=site,
        defaults={
            "contact": MARKERS["security_contact"],
            "expires": datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        },
    )
    other_user = get_user_model().objects.create_user(
        username=MARKERS["other_user"], email="agate@hub.example", password="matrix-pass-1234"
    )

    return SimpleNamespace(
        users=users,
        site=site,
        spanish=spanish,
        index=index,
        other_index=other_index,
        english_article=english_article,
        draft_article=draft_article,
        review_article=review_article,
        untranslated_article=untranslated,
        spanish_article=spanish_article,
        spanish_article_translation=spanish_translation,
        spanish_review=spanish_review,
        spanish_partial=spanish_partial,
        spanish_partial_translation=partial_translation,
        support_page=support_page,
        support_submission=support_submission,
        survey_page=survey_page,
        survey_response=survey_response,
        collection=collection,
        image=image,
        document=document,
        topic=create_topic(MARKERS["topic"], slug="feldspar"),
        certificate=Certificate.objects.create(
            kind=Certificate.Kind.WORKFLOW,
            reference_code=MARKERS["certificate"],
            content_type_label="wagtailcore.page",
            object_id=str(english_article.pk),
            specific_type="article",
            title=english_article.title,
            locale="en",
            revision_id=english_article.live_revision_id,
            revision_created_at=english_article.live_revision.created_at,
            **certified_content(english_article.live_revision),
            review_by=datetime.date(2028, 12, 6),
        ),
        security_contact=SecurityContact.objects.get(site=site),
        other_user=other_user,
    )
