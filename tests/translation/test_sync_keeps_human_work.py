"""A sync keeps translators' work: segments whose original did not change keep their text,
and those whose original changed are marked for review with their previous source and
translation, one ``ChangedSegment`` per changed segment (hub_site/translation/sync.py,
changed_segments.py, sync_views.py, sync_hooks.py)."""

import json
from urllib.parse import urlencode

import polib
import pytest
from bs4 import BeautifulSoup

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from articles.models import ArticleIndexPage
from hub_site.translation.models import ChangedSegment
from hub_site.translation.sync import sync_translations
from hub_site.translation.sync_hooks import announce_changed_segments
from hub_site.translation.sync_views import word_diff
from tests.articles.factories import create_article, create_index, home_page
from tests.publishing import publish_certified
from tests.queries import queries_of_get
from tests.translation.helpers import start_translation, translate_string
from tests.translation.notices import (
    notice_edit_url,
    publish_english_notice,
    start_notice_translation,
)

pytestmark = pytest.mark.django_db

BANNER = "segment(s) changed in the original since they were translated: review them."


@pytest.fixture
def translated(client, team, english_page):
    """The translator's Spanish translation of both segments of "About us", published."""
    translator = team["translator"]
    client.force_login(translator)
    spanish_page, translation = start_translation(client, english_page)
    translate_string(client, translation, "About us", "Sobre nosotros")
    translate_string(client, translation, "Welcome, patients", "Bienvenidos, pacientes")
    translation.save_target(user=translator, publish=False)
    spanish_page.refresh_from_db()
    publish_certified(spanish_page.get_latest_revision())
    spanish_page.refresh_from_db()
    return spanish_page, translation


@pytest.fixture
def french(client, english_page, translated):
    """The French translation of "About us", started after the Spanish one: its welcome
    translated."""
    _french_page, translation = start_translation(client, english_page, "fr")
    translate_string(client, translation, "Welcome, patients", "Bienvenue, patients")
    return translation


def change_intro(page, intro, publish=False):
    """A new revision of the English page with another intro (published if asked)."""
    page.intro = intro
    revision = page.save_revision()
    if publish:
        publish_certified(revision)
    return revision


def sync_view_url(translation):
    return reverse("wagtail_localize:update_translations", args=(translation.source_id,))


def review_url(translation):
    return reverse("hub_changed_segments:review", args=(translation.pk,))


def editor_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def string_translation(translation, source_text):
    return StringTranslation.objects.get(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        translation_of__data=source_text,
    )


def segment(translation, source_text):
    return StringSegment.objects.get(source_id=translation.source_id, string__data=source_text)


def snapshot(page):
    page.refresh_from_db()
    return (page.title, page.intro, page.live_revision_id, page.latest_revision_id)


def post_review(client, translation, segment_id, string_id, action, text=""):
    """The review page's form, for the segment waiting (``ChangedSegment``) and its string."""
    return client.post(
        review_url(translation),
        {"segment": segment_id, "string": string_id, "action": action, "text": text},
    )


def review(client, translation, change, action, text=""):
    return post_review(client, translation, change.pk, change.string_id, action, text)


def assert_changed_and_kept(translation, translator, title_before):
    title = string_translation(translation, "About us")
    assert (title.pk, title.data, title.updated_at) == title_before
    assert title.last_translated_by == translator
    assert title.translation_type == "manual"
    (change,) = ChangedSegment.objects.filter(translation=translation)
    assert change.string_id == segment(translation, "Welcome, colleagues").string_id
    assert (change.previous_source, change.previous_translation, change.string.data) == (
        "Welcome, patients",
        "Bienvenidos, pacientes",
        "Welcome, colleagues",
    )
    assert change.reviewed_at is None
    assert not StringTranslation.objects.filter(
        locale=translation.target_locale, translation_of__data="Welcome, colleagues"
    ).exists()
    return change


def title_state(translation):
    title = string_translation(translation, "About us")
    return (title.pk, title.data, title.updated_at)


def test_sync_from_a_revision_keeps_human_text_and_flags_the_changed_segment(
    team, english_page, translated
):
    spanish_page, translation = translated
    title_before, page_before = title_state(translation), snapshot(spanish_page)
    revision = change_intro(english_page, "Welcome, colleagues")

    synced = sync_translations(revision.as_object(), user=team["translator"])

    assert [t.pk for t in synced] == [translation.pk]
    assert_changed_and_kept(translation, team["translator"], title_before)
    assert segment(translation, "Welcome, colleagues")
    assert snapshot(spanish_page) == page_before, "readers see nothing new"
    english_page.refresh_from_db()
    assert english_page.intro == "Welcome, patients", "the original's row is untouched too"


def test_sync_view_keeps_human_text_and_the_editor_announces_the_change(
    client, team, english_page, translated
):
    spanish_page, translation = translated
    title_before, page_before = title_state(translation), snapshot(spanish_page)
    change_intro(english_page, "Welcome, colleagues", publish=True)

    form = client.get(sync_view_url(translation))
    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.text
    assert client.post(sync_view_url(translation), {"publish_translations": "on"}).status_code == (
        403
    )
    assert not ChangedSegment.objects.exists(), "a refused sync changes nothing"
    response = client.post(sync_view_url(translation), {})

    assert response.status_code == 302
    assert_changed_and_kept(translation, team["translator"], title_before)
    assert snapshot(spanish_page) == page_before

    editor = client.get(editor_url(spanish_page))
    assert editor.status_code == 200
    assert f"1 {BANNER}" in editor.text
    assert review_url(translation) in editor.text
    assert "Review changes" in editor.text


def test_the_review_page_shows_what_changed_and_saving_there_reviews_it(
    client, team, english_page, translated
):
    spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    change = ChangedSegment.objects.get(translation=translation)

    page = client.get(review_url(translation))
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    (item,) = html.select(".changed-segment")
    assert item.select_one(".previous-source").get_text() == "Welcome, patients"
    assert item.select_one(".previous-translation").get_text() == "Bienvenidos, pacientes"
    assert item.select_one(".new-source").decode_contents() == (
        "Welcome, <del>patients</del><ins>colleagues</ins>"
    )
    assert "Not translated yet" in item.select_one(".current-translation").get_text()
    assert item.select_one("textarea").get_text() == ""
    assert not item.select_one('button[value="keep"]'), "nothing to keep"
    assert html.find("a", href=editor_url(spanish_page)).get_text() == (
        "Back to the translation editor"
    )

    response = review(client, translation, change, "save", "Bienvenidos, colegas")

    assert response.status_code == 302
    saved = string_translation(translation, "Welcome, colleagues")
    assert (saved.data, saved.translation_type, saved.tool_name) == (
        "Bienvenidos, colegas",
        "manual",
        "",
    )
    assert saved.last_translated_by == team["translator"]
    change.refresh_from_db()
    assert change.reviewed_at is not None and change.reviewed_by == team["translator"]
    assert BANNER not in client.get(editor_url(spanish_page)).text
    assert "No segment is waiting for review" in client.get(review_url(translation)).text


def test_saving_in_wagtail_localizes_editor_reviews_the_segment(
    client, team, english_page, translated
):
    spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())

    translate_string(client, translation, "Welcome, colleagues", "Bienvenidos, colegas")

    change = ChangedSegment.objects.get(translation=translation)
    assert change.reviewed_at is not None and change.reviewed_by == team["translator"]
    assert BANNER not in client.get(editor_url(spanish_page)).text


def test_keep_as_it_is_reviews_without_changing_the_text(client, team, english_page, translated):
    """Back and forth: the original returns to a text whose translation still stands."""
    spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    translate_string(client, translation, "Welcome, colleagues", "Bienvenidos, colegas")
    sync_translations(change_intro(english_page, "Welcome, patients").as_object())
    change = ChangedSegment.objects.get(translation=translation, reviewed_at__isnull=True)
    assert (change.previous_source, change.previous_translation) == (
        "Welcome, colleagues",
        "Bienvenidos, colegas",
    )
    kept = string_translation(translation, "Welcome, patients")
    html = BeautifulSoup(client.get(review_url(translation)).content, "html.parser")
    assert html.select_one("textarea").get_text() == "Bienvenidos, pacientes"
    assert "Machine translation" not in html.select_one(".current-translation").get_text()

    response = review(client, translation, change, "keep")

    assert response.status_code == 302
    change.refresh_from_db()
    assert change.reviewed_at is not None and change.reviewed_by == team["translator"]
    after = string_translation(translation, "Welcome, patients")
    assert (after.data, after.updated_at, after.last_translated_by) == (
        kept.data,
        kept.updated_at,
        kept.last_translated_by,
    )
    assert BANNER not in client.get(editor_url(spanish_page)).text


def test_two_syncs_in_a_row_keep_the_first_previous_text(team, english_page, translated):
    _spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    first = ChangedSegment.objects.get(translation=translation)

    sync_translations(change_intro(english_page, "Welcome, nurses").as_object())

    second = ChangedSegment.objects.get(translation=translation)
    assert second.pk == first.pk
    assert (second.previous_source, second.previous_translation, second.string.data) == (
        "Welcome, patients",
        "Bienvenidos, pacientes",
        "Welcome, nurses",
    )
    assert second.changed_at > first.changed_at
    assert second.reviewed_at is None


def test_a_reviewed_change_is_replaced_by_the_next_one(client, team, english_page, translated):
    _spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    translate_string(client, translation, "Welcome, colleagues", "Bienvenidos, colegas")

    sync_translations(change_intro(english_page, "Welcome, nurses").as_object())

    change = ChangedSegment.objects.get(translation=translation)
    assert (change.previous_source, change.previous_translation, change.string.data) == (
        "Welcome, colleagues",
        "Bienvenidos, colegas",
        "Welcome, nurses",
    )
    assert change.reviewed_at is None and change.reviewed_by is None


def test_back_to_the_reviewed_text_needs_no_review(team, english_page, translated):
    _spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())

    sync_translations(change_intro(english_page, "Welcome, patients").as_object())

    assert not ChangedSegment.objects.filter(translation=translation).exists()
    assert string_translation(translation, "Welcome, patients").data == "Bienvenidos, pacientes"


def test_machine_prefill_marks_the_new_segment_machine(
    client, team, english_page, translated, libretranslate, django_capture_on_commit_callbacks
):
    spanish_page, translation = translated
    title_before = title_state(translation)
    revision = change_intro(english_page, "Welcome, colleagues")

    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(revision.as_object(), user=team["translator"])

    machine = string_translation(translation, "Welcome, colleagues")
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert machine.data == "[es] Bienvenido, colleagues"
    change = ChangedSegment.objects.get(translation=translation)
    assert change.machine_prefill == machine.data
    assert change.reviewed_at is None, "machine text is no review"
    assert title_state(translation) == title_before, "human text is not machine translated"
    html = BeautifulSoup(client.get(review_url(translation)).content, "html.parser")
    current = html.select_one(".current-translation").get_text()
    assert "Machine translation" in current and machine.data in current
    assert html.select_one("textarea").get_text() == machine.data
    assert f"1 {BANNER}" in client.get(editor_url(spanish_page)).text

    assert review(client, translation, change, "keep").status_code == 302
    change.refresh_from_db()
    assert change.reviewed_at is not None
    assert string_translation(translation, "Welcome, colleagues").translation_type == "machine"


def test_no_prefill_when_the_setting_is_off(
    settings, team, english_page, translated, libretranslate, django_capture_on_commit_callbacks
):
    settings.TRANSLATION_SYNC_MACHINE_PREFILL = False
    _spanish_page, translation = translated

    with django_capture_on_commit_callbacks(execute=True):
        sync_translations(
            change_intro(english_page, "Welcome, colleagues").as_object(),
            user=team["translator"],
        )

    assert ChangedSegment.objects.filter(translation=translation).exists()
    assert not StringTranslation.objects.filter(translation_of__data="Welcome, colleagues").exists()


def test_locales_limit_the_translations_synced(english_page, french):
    synced = sync_translations(
        change_intro(english_page, "Welcome, colleagues").as_object(),
        locales=[Locale.objects.get(language_code="fr")],
    )

    assert [t.pk for t in synced] == [french.pk]
    assert ChangedSegment.objects.get().translation_id == french.pk


def test_refused_and_invalid_reviews_store_nothing(client, team, english_page, translated, french):
    _spanish_page, spanish = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    change = ChangedSegment.objects.get(translation=spanish)
    french_change = ChangedSegment.objects.get(translation=french)
    stored = StringTranslation.objects.count()

    blank = review(client, spanish, change, "save", "   ")
    assert blank.status_code == 400
    assert "Write the translation before saving it." in blank.text
    nothing_to_keep = review(client, spanish, change, "keep")
    assert nothing_to_keep.status_code == 400
    assert "no translation to keep" in nothing_to_keep.text
    welcome = segment(spanish, "Welcome, colleagues").string_id
    other = post_review(client, spanish, french_change.pk, welcome, "save", "Bienvenidos, colegas")
    assert other.status_code == 400
    assert "not waiting for review in this translation" in other.text
    unknown = post_review(client, spanish, 0, 0, "save", "Hola")
    assert unknown.status_code == 400
    about = segment(spanish, "About us").string_id
    stale = post_review(client, spanish, change.pk, about, "save", "Hola")
    assert stale.status_code == 400
    assert "changed again" in stale.text

    client.force_login(team["medical"])
    assert client.get(review_url(spanish)).status_code == 403
    forbidden = review(client, spanish, change, "save", "Bienvenidos, colegas")
    assert forbidden.status_code == 403

    assert client.get(reverse("hub_changed_segments:review", args=(0,))).status_code == 404
    assert client.put(review_url(spanish)).status_code == 405
    assert StringTranslation.objects.count() == stored
    assert ChangedSegment.objects.filter(reviewed_at__isnull=True).count() == 2


def article_of(count):
    """A published article whose body holds ``count`` paragraph blocks, each a segment in
    a context of its own."""
    index = ArticleIndexPage.objects.first() or create_index(parent=home_page())
    body = [
        {"type": "paragraph", "value": f"<p>Paragraph {n} of the long read.</p>", "id": str(n)}
        for n in range(count)
    ]
    return create_article(index, title=f"Long read {count}", body=body)


def translate_everything(translation, translator):
    """A translator's text for every segment, stored at once (the editor saves one by one)."""
    StringTranslation.objects.bulk_create(
        StringTranslation(
            translation_of_id=s.string_id,
            locale_id=translation.target_locale_id,
            context_id=s.context_id,
            data=f"ES {s.string.data}",
            translation_type="manual",
            last_translated_by=translator,
        )
        for s in StringSegment.objects.filter(source_id=translation.source_id).select_related(
            "string"
        )
    )


def changed_article(client, translator, count, monkeypatch):
    """A translated article of ``count`` paragraphs, every one of them revised and synced.
    Returns the Spanish article, its translation and the queries the sync took beyond
    wagtail-localize's own extraction of the segments (which reads each segment)."""
    article = article_of(count)
    spanish, translation = start_translation(client, article)
    translate_everything(translation, translator)
    revised = article.get_latest_revision_as_object()
    revised.body = json.dumps(
        [
            {"type": "paragraph", "value": f"<p>Paragraph {n}, revised.</p>", "id": str(n)}
            for n in range(count)
        ]
    )
    extraction = []
    extract = TranslationSource.update_or_create_from_instance

    def counted(instance):
        with CaptureQueriesContext(connection) as queries:
            result = extract(instance)
        extraction.append(len(queries))
        return result

    instance = revised.save_revision().as_object()
    monkeypatch.setattr(TranslationSource, "update_or_create_from_instance", counted)
    with CaptureQueriesContext(connection) as queries:
        sync_translations(instance, user=translator)
    monkeypatch.undo()
    assert ChangedSegment.objects.filter(translation=translation).count() == count
    return spanish, translation, (len(queries) - extraction[0], extraction[0])


def queries_of_banner(client, spanish_page):
    """The queries of the editor's banner hook alone, on a real admin request."""
    request = client.get(reverse("wagtailadmin_home")).wsgi_request
    list(get_messages(request))  # what the home page left
    with CaptureQueriesContext(connection) as queries:
        assert announce_changed_segments(request, spanish_page) is None
    return len(queries), [str(m) for m in get_messages(request)]


def test_queries_of_the_banner_the_review_page_and_the_sync_do_not_grow_with_segments(
    client, team, monkeypatch
):
    client.force_login(team["translator"])
    small_page, small, small_sync = changed_article(client, team["translator"], 2, monkeypatch)
    large_page, large, large_sync = changed_article(client, team["translator"], 200, monkeypatch)

    small_banner, _ = queries_of_banner(client, small_page)
    large_banner, said = queries_of_banner(client, large_page)
    (message,) = said
    assert message.startswith(f"200 {BANNER}") and "Review changes" in message
    _, editor = queries_of_get(client, editor_url(large_page))
    assert f"200 {BANNER}" in editor.text
    small_review, _ = queries_of_get(client, review_url(small))
    large_review, page = queries_of_get(client, review_url(large))
    assert page.text.count('class="changed-segment"') == 200

    print(  # noqa: T201 - the figures quoted in the report
        f"\nqueries: banner {small_banner} (2 segments) / {large_banner} (200); "
        f"review page {small_review} / {large_review}; "
        f"sync beyond extraction {small_sync[0]} / {large_sync[0]}; "
        f"extraction {small_sync[1]} / {large_sync[1]}"
    )
    # The default locale, the translation and the count.
    assert small_banner == large_banner == 3
    assert large_review == small_review <= 40
    # SQLite inserts many rows in batches of its variable limit.
    assert large_sync[0] - small_sync[0] <= 2


def test_put_in_wagtail_localize_editor_for_an_unchanged_segment_touches_no_change(
    client, team, english_page, translated
):
    _spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=(translation.pk, segment(translation, "About us").pk),
    )
    response = client.put(
        url,
        urlencode({"value": "Acerca de nosotros"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert ChangedSegment.objects.get(translation=translation).reviewed_at is None


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


# Three paragraphs of one rich text field, and the translator's Spanish.
DOSING = {
    "Dose once daily.": "Una dosis al día.",
    "Take with food.": "Tomar con comida.",
    "Store cold.": "Conservar en frío.",
}


def translated_body(client, team, english_page, translations):
    """The English page's body made of the paragraphs ``translations`` maps to the
    translator's Spanish, every one of them translated."""
    english_page.body = paragraphs(*translations)
    publish_certified(english_page.save_revision())
    english_page.refresh_from_db()
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    for source, translated_text in translations.items():
        translate_string(client, translation, source, translated_text)
    return spanish_page, translation


def sync_body(english_page, *texts):
    english_page.body = paragraphs(*texts)
    sync_translations(english_page.save_revision().as_object())


def rows(translation, **filters):
    """{new source: (previous source, previous translation)} of the translation's rows."""
    return {
        change.string.data: (change.previous_source, change.previous_translation)
        for change in ChangedSegment.objects.filter(
            translation=translation, **filters
        ).select_related("string")
    }


def shown_on_review_page(client, translation):
    html = BeautifulSoup(client.get(review_url(translation)).content, "html.parser")
    return [
        (
            item.select_one(".previous-source").get_text(),
            item.select_one(".previous-translation").get_text(),
            item.select_one(".new-source").decode_contents(),
        )
        for item in html.select(".changed-segment")
    ]


def test_paragraphs_of_one_rich_text_field_are_reviewed_one_by_one(client, team, english_page):
    """Every paragraph of a rich text field shares the field's translation context: each
    changed paragraph has a row of its own."""
    spanish_page, translation = translated_body(client, team, english_page, DOSING)

    sync_body(english_page, "Dose twice daily.", "Take with food.", "Store frozen.")

    assert rows(translation, reviewed_at__isnull=True) == {
        "Dose twice daily.": ("Dose once daily.", "Una dosis al día."),
        "Store frozen.": ("Store cold.", "Conservar en frío."),
    }
    dose = ChangedSegment.objects.get(translation=translation, string__data="Dose twice daily.")
    store = ChangedSegment.objects.get(translation=translation, string__data="Store frozen.")
    assert dose.context_id == store.context_id
    assert f"2 {BANNER}" in client.get(editor_url(spanish_page)).text
    assert shown_on_review_page(client, translation) == [
        ("Dose once daily.", "Una dosis al día.", "Dose <del>once</del><ins>twice</ins> daily."),
        ("Store cold.", "Conservar en frío.", "Store <del>cold</del><ins>frozen</ins>."),
    ]
    assert string_translation(translation, "Take with food.").data == "Tomar con comida."

    # Revised again before review: the row follows its paragraph to the newest text and
    # keeps the first previous text; the other paragraph's row is left alone.
    sync_body(english_page, "Dose three times daily.", "Take with food.", "Store frozen.")

    moved = ChangedSegment.objects.get(pk=dose.pk)
    assert moved.string.data == "Dose three times daily."
    assert (moved.previous_source, moved.previous_translation) == (
        "Dose once daily.",
        "Una dosis al día.",
    )
    assert moved.changed_at > dose.changed_at
    unchanged = ChangedSegment.objects.get(pk=store.pk)
    assert (unchanged.string_id, unchanged.changed_at) == (store.string_id, store.changed_at)
    assert ChangedSegment.objects.filter(translation=translation).count() == 2
    opened_before = review(client, translation, dose, "save", "Dos dosis al día.")
    assert opened_before.status_code == 400, "the page showed the text before the sync"
    assert "changed again" in opened_before.text

    # Machine text for one paragraph is that paragraph's prefill, and no review.
    StringTranslation.objects.create(
        translation_of_id=store.string_id,
        locale_id=translation.target_locale_id,
        context_id=store.context_id,
        data="Almacenar congelado.",
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        tool_name="Machine",
    )
    store.refresh_from_db()
    assert (store.machine_prefill, store.reviewed_at) == ("Almacenar congelado.", None)
    assert ChangedSegment.objects.get(pk=dose.pk).machine_prefill == ""

    # One paragraph reviewed in wagtail-localize's editor, the other on the review page.
    translate_string(client, translation, "Store frozen.", "Conservar congelado.")

    store.refresh_from_db()
    assert store.reviewed_at is not None and store.reviewed_by == team["translator"]
    assert rows(translation, reviewed_at__isnull=True) == {
        "Dose three times daily.": ("Dose once daily.", "Una dosis al día."),
    }
    assert f"1 {BANNER}" in client.get(editor_url(spanish_page)).text
    assert shown_on_review_page(client, translation) == [
        (
            "Dose once daily.",
            "Una dosis al día.",
            "Dose <del>once</del><ins>three times</ins> daily.",
        ),
    ]

    response = review(client, translation, moved, "save", "Tres dosis al día.")

    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.reviewed_at is not None and moved.reviewed_by == team["translator"]
    assert not ChangedSegment.objects.filter(reviewed_at__isnull=True).exists()
    assert string_translation(translation, "Dose three times daily.").data == "Tres dosis al día."
    assert BANNER not in client.get(editor_url(spanish_page)).text


def test_paragraphs_that_take_each_others_text_keep_their_own_previous_text(
    client, team, english_page
):
    """A paragraph takes the text another paragraph waits for review with, in one sync: the
    rows trade strings without two of them ever standing for the same one."""
    _spanish_page, translation = translated_body(client, team, english_page, DOSING)
    sync_body(english_page, "Dose twice daily.", "Take with food.", "Store frozen.")

    sync_body(english_page, "Store frozen.", "Take with food.", "Store in the dark.")

    assert rows(translation) == {
        "Store frozen.": ("Dose once daily.", "Una dosis al día."),
        "Store in the dark.": ("Store cold.", "Conservar en frío."),
    }
    assert [shown[0] for shown in shown_on_review_page(client, translation)] == [
        "Dose once daily.",
        "Store cold.",
    ]


def test_a_removed_paragraph_takes_its_waiting_row_along(client, team, english_page):
    _spanish_page, translation = translated_body(
        client,
        team,
        english_page,
        {"Dose once daily.": "Una dosis al día.", "Store cold.": "Conservar en frío."},
    )
    sync_body(english_page, "Dose twice daily.", "Store frozen.")

    sync_body(english_page, "Dose twice daily.")

    assert rows(translation) == {"Dose twice daily.": ("Dose once daily.", "Una dosis al día.")}

    # The whole field goes, and its translation context with it.
    english_page.body = ""
    sync_translations(english_page.save_revision().as_object())

    assert rows(translation) == {}


def test_importing_a_po_file_reviews_the_segment(client, team, english_page, translated):
    spanish_page, translation = translated
    sync_translations(change_intro(english_page, "Welcome, colleagues").as_object())
    exported = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    po = polib.pofile(exported.content.decode())
    for entry in po:
        if entry.msgid == "Welcome, colleagues":
            entry.msgstr = "Bienvenidos, colegas"

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        {
            "file": SimpleUploadedFile("es.po", str(po).encode(), "text/x-gettext-translation"),
            "next": "/admin/",
        },
    )

    assert response.status_code == 302
    change = ChangedSegment.objects.get(translation=translation)
    assert change.reviewed_at is not None and change.reviewed_by == team["translator"]
    assert string_translation(translation, "Welcome, colleagues").data == "Bienvenidos, colegas"
    assert BANNER not in client.get(editor_url(spanish_page)).text


def test_the_sync_view_prefills_with_machine_translation_through_the_queue(
    client, team, english_page, translated, libretranslate, django_capture_on_commit_callbacks
):
    _spanish_page, translation = translated
    title_before = title_state(translation)
    change_intro(english_page, "Welcome, colleagues", publish=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_view_url(translation), {"use_machine_translation": "on"})

    assert response.status_code == 302
    machine = string_translation(translation, "Welcome, colleagues")
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    change = ChangedSegment.objects.get(translation=translation)
    assert change.previous_translation == "Bienvenidos, pacientes"
    assert change.machine_prefill == machine.data
    assert title_state(translation) == title_before


def test_a_translated_snippet_shows_its_changes_too(client, team):
    english = publish_english_notice("Checked by a machine.")
    client.force_login(team["manager"])
    spanish, translation = start_notice_translation(client, english)
    translate_string(client, translation, "Checked by a machine.", "Revisado por una máquina.")

    english.text = "Checked by a machine, then by a person."
    sync_translations(english.save_revision().as_object(), user=team["manager"])

    edit = notice_edit_url(spanish)
    editor = client.get(edit)
    assert editor.status_code == 200
    assert f"1 {BANNER}" in editor.text and review_url(translation) in editor.text
    page = client.get(review_url(translation))
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one(".previous-translation").get_text() == "Revisado por una máquina."
    assert html.find("a", href=edit).get_text() == "Back to the translation editor"
    english.refresh_from_db()
    assert english.text == "Checked by a machine.", "the original's row is not the sync's"


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "Welcome, patients",
            "Welcome, colleagues",
            "Welcome, <del>patients</del><ins>colleagues</ins>",
        ),
        (
            "<b>53%</b> survived",
            "<b>64%</b> survived",
            "&lt;b&gt;<del>53</del><ins>64</ins>%&lt;/b&gt; survived",
        ),
        (
            "Take it",
            "Take it <script>x</script>",
            "Take it<ins> &lt;script&gt;x&lt;/script&gt;</ins>",
        ),
        ("Store cold.", "Store.", "Store<del> cold</del>."),
    ],
)
def test_the_new_source_shows_the_words_changed_escaped(old, new, shown):
    assert word_diff(old, new) == shown
