"""Translation memory: published segments offered again, exactly or nearly the same text."""

import hashlib
from io import StringIO

import pytest

from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from home.models import HomePage, StandardPage
from hub_site.translation.drafts import save_translation_draft
from hub_site.translation.memory_hooks import offer_memory
from hub_site.translation.models import ChangedSegment, TranslationMemoryEntry
from hub_site.workflows import roles
from tests.publishing import publish_certified
from tests.queries import queries_of_get
from tests.translation.helpers import start_translation, translate_string
from tests.translation.notices import (
    notice_edit_url,
    publish_english_notice,
    start_notice_translation,
)

WELCOME = "Welcome, patients"
BIENVENIDOS = "Bienvenidos, pacientes"
DOSING = "Take one tablet twice a day with food."
DOSIFICACION = "Tome un comprimido dos veces al día con comida."
DOSING_CHANGED = "Take one tablet three times a day with food."
UNRELATED = "Store the box somewhere cool."
CHILDREN = "Keep out of reach of children."
NINOS_OLDER = "Manténgase fuera del alcance de los niños."
NINOS_NEWER = "Mantener fuera del alcance de los niños."
LEAFLET = "Read the leaflet before use."
PROSPECTO = "Lea el prospecto antes de usar."
DRY = "Store in a dry place."


def english(title, intro="", paragraphs=()):
    """A live English standard page under the home page."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    page = home.add_child(
        instance=StandardPage(
            title=title, slug=title.lower().replace(" ", "-"), intro=intro, body=body
        )
    )
    publish_certified(page.save_revision())
    return page


def translate(client, user, page, texts, language="es"):
    """``user``'s translation of ``page``, with ``texts`` (source → translation), saved as a
    draft revision as submitting does."""
    client.force_login(user)
    target, translation = start_translation(client, page, language)
    for source_text, translated_text in texts.items():
        translate_string(client, translation, source_text, translated_text)
    save_translation_draft(translation, user)
    target.refresh_from_db()
    return target, translation


def publish(target):
    """The translation review's last approval: the latest revision goes live."""
    publish_certified(target.get_latest_revision())
    target.refresh_from_db()
    assert target.live
    return target


def publish_translation(client, user, page, texts, language="es"):
    target, translation = translate(client, user, page, texts, language)
    return publish(target), translation


def memory_url(translation):
    return reverse("hub_translation_memory:memory", args=(translation.pk,))


def editor_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def messages_of(response):
    # Wagtail's admin messages end with the blank lines of their template.
    return [str(m).strip() for m in get_messages(response.wsgi_request)]


def segment(translation, source_text):
    return StringSegment.objects.get(source=translation.source, string__data=source_text)


def entry(source_text, target_text):
    return TranslationMemoryEntry.objects.get(source_text=source_text, target_text=target_text)


def strings_of(translation):
    """The target language's strings of the translation, by source text."""
    return {
        st.translation_of.data: st
        for st in StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).select_related("translation_of", "last_translated_by")
    }


def pairs():
    return set(TranslationMemoryEntry.objects.values_list("source_text", "target_text"))


def test_only_published_text_enters_the_memory(client, team):
    about = english("About us", WELCOME)
    spanish_about, _translation = translate(
        client, team["translator"], about, {"About us": "Sobre nosotros", WELCOME: BIENVENIDOS}
    )
    contact = english("Contact", WELCOME)
    _spanish_contact, contact_translation = start_translation(client, contact)

    # A draft translation's strings are not offered.
    assert not TranslationMemoryEntry.objects.exists()
    page = client.get(memory_url(contact_translation))
    assert page.status_code == 200
    assert page.context["rows"] == []
    assert BIENVENIDOS not in page.text

    before = timezone.now()
    publish(spanish_about)

    assert pairs() == {("About us", "Sobre nosotros"), (WELCOME, BIENVENIDOS)}
    welcome = entry(WELCOME, BIENVENIDOS)
    assert welcome.source_locale.language_code == "en"
    assert welcome.target_locale.language_code == "es"
    assert welcome.source_hash == hashlib.sha256(WELCOME.encode()).hexdigest()
    assert welcome.source_length == len(WELCOME)
    assert welcome.target_hash == hashlib.sha256(BIENVENIDOS.encode()).hexdigest()
    assert welcome.translation_type == "manual"
    assert welcome.origin == "Standard page: Sobre nosotros"
    assert welcome.published_at >= before

    # A string edited after the published revision was made is a draft: published again,
    # that revision does not bring it into the memory.
    translate_string(client, _translation, WELCOME, "Hola, pacientes")
    publish(spanish_about)
    assert (WELCOME, "Hola, pacientes") not in pairs()
    assert TranslationMemoryEntry.objects.count() == 2  # upserted, not duplicated

    page = client.get(memory_url(contact_translation))
    assert page.status_code == 200
    (row,) = page.context["rows"]
    assert row["source"] == WELCOME
    assert [offer["target"] for offer in row["offers"]] == [BIENVENIDOS]
    assert "Exact match" in page.text
    assert "Standard page: Sobre nosotros" in page.text


def test_an_exact_match_is_offered_in_the_same_language_only(client, team):
    about = english("About us", WELCOME)
    publish_translation(client, team["translator"], about, {WELCOME: BIENVENIDOS})
    contact = english("Contact", WELCOME)

    _french, french_translation = start_translation(client, contact, "fr")
    assert client.get(memory_url(french_translation)).context["rows"] == []

    spanish, spanish_translation = start_translation(client, contact, "es")
    page = client.get(memory_url(spanish_translation))
    assert [row["source"] for row in page.context["rows"]] == [WELCOME]
    assert "Accept all exact matches (1)" in page.text
    assert editor_url(spanish) in page.text  # "Back to the translation editor"


@pytest.fixture
def dosing_memory(client, team):
    """The memory holds the Spanish of DOSING; a new page says DOSING_CHANGED, and UNRELATED."""
    dosing = english("Dosing", DOSING)
    publish_translation(client, team["translator"], dosing, {DOSING: DOSIFICACION})
    new_page = english("Contact", DOSING_CHANGED, [UNRELATED])
    _spanish, translation = start_translation(client, new_page)
    return translation


def test_a_fuzzy_match_is_shown_with_its_differences(client, dosing_memory):
    page = client.get(memory_url(dosing_memory))

    (row,) = page.context["rows"]
    assert row["source"] == DOSING_CHANGED
    (offer,) = row["offers"]
    assert not offer["match"].exact
    assert offer["target"] == DOSIFICACION
    assert offer["match"].percent == 87  # 0.878, rounded down
    assert "87% match" in page.text
    assert "Exact match" not in page.text
    assert "Accept all exact matches" not in page.text
    # The memory's original turned into this segment's: the words that differ, escaped.
    assert str(offer["diff"]) == (
        "Take one tablet <del>twice</del><ins>three times</ins> a day with food."
    )
    assert "<del>twice</del><ins>three times</ins>" in page.text
    # Below the threshold: the unrelated paragraph has no row.
    assert UNRELATED not in page.text

    with override_settings(TRANSLATION_MEMORY_FUZZY_THRESHOLD=0.9):
        assert client.get(memory_url(dosing_memory)).context["rows"] == []


def test_differences_are_escaped_and_inline_tags_hidden(client, team):
    linked = 'Read <a href="https://example.com/leaflet">the leaflet</a> & ask <b>your doctor</b>.'
    stored = 'Read <a id="a1">the leaflet</a> &amp; ask <b>your doctor</b>.'
    source = english("Leaflet", paragraphs=[linked])
    spanish = 'Lea <a id="a1">el prospecto</a> y consulte a <b>su médico</b>.'
    publish_translation(client, team["translator"], source, {stored: spanish})
    assert (stored, spanish) in pairs()

    changed = english("Advice", paragraphs=[linked.replace("</b>.", "</b> &lt;now&gt;.")])
    _target, translation = start_translation(client, changed)
    page = client.get(memory_url(translation))

    (row,) = page.context["rows"]
    assert row["source"] == "Read the leaflet & ask your doctor <now>."
    (offer,) = row["offers"]
    assert offer["target"] == "Lea el prospecto y consulte a su médico."
    assert str(offer["diff"]) == "Read the leaflet &amp; ask your doctor<ins> &lt;now&gt;</ins>."
    assert "<now>" not in page.text

    # Written as stored; a link the segment does not have is wagtail-localize's error to show.
    unlinked = english("Unlinked", paragraphs=["Read the leaflet & ask <b>your doctor</b>."])
    _target, unlinked_translation = start_translation(client, unlinked)
    (row,) = client.get(memory_url(unlinked_translation)).context["rows"]
    response = client.post(
        memory_url(unlinked_translation),
        {
            "action": "use",
            "segment": row["segment"].pk,
            "entry": row["offers"][0]["match"].entry.pk,
        },
    )
    assert response.status_code == 302
    assert any("do not fit this segment" in m for m in messages_of(response))
    (written,) = strings_of(unlinked_translation).values()
    assert written.data == spanish
    assert written.has_error


@pytest.fixture
def leaflet(client, team):
    """Two pages published in Spanish, the later with another translation of CHILDREN; a
    third page, translated now, shares two of its segments with them."""
    first = english("Leaflet", CHILDREN, [LEAFLET])
    publish_translation(
        client, team["translator"], first, {CHILDREN: NINOS_OLDER, LEAFLET: PROSPECTO}
    )
    second = english("Warnings", CHILDREN)
    publish_translation(client, team["translator"], second, {CHILDREN: NINOS_NEWER})
    storage = english("Storage", CHILDREN, [LEAFLET, DRY])
    client.force_login(team["translator"])
    target, translation = start_translation(client, storage)
    return target, translation


def test_accept_all_exact_matches(client, team, leaflet):
    _target, translation = leaflet
    page = client.get(memory_url(translation))
    assert page.context["exact_count"] == 2
    assert "Accept all exact matches (2)" in page.text
    children = next(row for row in page.context["rows"] if row["source"] == CHILDREN)
    # Both translations are shown; the most recently published one comes first.
    assert [offer["target"] for offer in children["offers"]] == [NINOS_NEWER, NINOS_OLDER]
    assert [offer["alternative"] for offer in children["offers"]] == [False, True]
    assert "alternative" in page.text

    response = client.post(memory_url(translation), {"action": "accept_exact"})

    assert response.status_code == 302
    assert response["Location"] == memory_url(translation)
    assert "2 segments filled from translation memory." in messages_of(response)
    strings = strings_of(translation)
    assert set(strings) == {CHILDREN, LEAFLET}  # the title and DRY are left as they were
    assert strings[CHILDREN].data == NINOS_NEWER
    assert strings[LEAFLET].data == PROSPECTO
    for string_translation in strings.values():
        assert string_translation.tool_name == "Translation memory"
        assert string_translation.translation_type == "manual"
        assert string_translation.last_translated_by == team["translator"]
        assert not string_translation.has_error
    assert client.get(memory_url(translation)).context["rows"] == []
    again = client.post(memory_url(translation), {"action": "accept_exact"})
    assert again.status_code == 302
    assert "No segment has an exact match left to accept." in messages_of(again)


def test_use_an_alternative_exact_match(client, team, leaflet):
    _target, translation = leaflet
    older = entry(CHILDREN, NINOS_OLDER)
    # Published unedited from a machine translation: it stays machine text.
    older.translation_type = "machine"
    older.save()
    response = client.post(
        memory_url(translation),
        {"action": "use", "segment": segment(translation, CHILDREN).pk, "entry": older.pk},
    )
    assert response.status_code == 302
    assert "1 segment filled from translation memory." in messages_of(response)
    (written,) = strings_of(translation).values()
    assert (written.translation_of.data, written.data) == (CHILDREN, NINOS_OLDER)
    assert written.translation_type == "machine"
    assert written.tool_name == "Translation memory"


def test_use_a_fuzzy_match(client, team, dosing_memory):
    fuzzy = entry(DOSING, DOSIFICACION)
    response = client.post(
        memory_url(dosing_memory),
        {"action": "use", "segment": segment(dosing_memory, DOSING_CHANGED).pk, "entry": fuzzy.pk},
    )

    assert response.status_code == 302
    (written,) = strings_of(dosing_memory).values()
    assert written.translation_of.data == DOSING_CHANGED
    assert written.data == DOSIFICACION
    assert written.tool_name == "Translation memory"
    assert written.last_translated_by == team["translator"]
    # The translator corrects the figure in the editor; the memory page has no row left.
    assert client.get(memory_url(dosing_memory)).context["rows"] == []


def test_a_segment_whose_source_changed_is_offered_until_reviewed(client, team):
    about = english("About us", WELCOME)
    publish_translation(client, team["translator"], about, {WELCOME: BIENVENIDOS})
    contact = english("Contact", WELCOME)
    spanish_contact, translation = translate(
        client, team["translator"], contact, {WELCOME: "Hola, pacientes"}
    )
    # As a sync records it: the translation was made for an older source text.
    welcome = segment(translation, WELCOME)
    changed = ChangedSegment.objects.create(
        translation=translation,
        context=welcome.context,
        string=welcome.string,
        previous_source="Welcome",
        previous_translation="Hola, pacientes",
        changed_at=timezone.now(),
    )

    # Published while waiting for review, its text does not enter the memory.
    publish(spanish_contact)
    assert (WELCOME, "Hola, pacientes") not in pairs()

    page = client.get(memory_url(translation))
    (row,) = page.context["rows"]
    assert row["changed"]
    assert "The original changed since it was translated." in page.text
    response = client.post(memory_url(translation), {"action": "accept_exact"})

    assert response.status_code == 302
    assert strings_of(translation)[WELCOME].data == BIENVENIDOS
    changed.refresh_from_db()
    assert changed.reviewed_at is not None
    assert changed.reviewed_by == team["translator"]
    assert client.get(memory_url(translation)).context["rows"] == []


def test_tampered_posts_are_refused_and_nothing_is_stored(client, team, leaflet):
    _target, translation = leaflet
    url = memory_url(translation)
    children = segment(translation, CHILDREN)
    newer = entry(CHILDREN, NINOS_NEWER)
    other_page = english("Other", CHILDREN)
    _other, other_translation = start_translation(client, other_page)
    french = TranslationMemoryEntry.objects.create(
        source_locale=newer.source_locale,
        target_locale=Locale.objects.get(language_code="fr"),
        source_text=CHILDREN,
        source_hash=newer.source_hash,
        source_length=newer.source_length,
        target_text="Tenir hors de portée des enfants.",
        target_hash=hashlib.sha256(b"Tenir").hexdigest(),
        published_at=timezone.now(),
    )
    client.force_login(team["translator"])

    refused = [
        ({"action": "use", "segment": "abc", "entry": newer.pk}, "Choose a segment"),
        ({"action": "use", "segment": children.pk}, "Choose a segment"),
        ({"action": "use", "entry": newer.pk}, "Choose a segment"),
        ({"action": "use", "segment": 999999, "entry": newer.pk}, "not waiting"),
        (
            {
                "action": "use",
                "segment": segment(other_translation, CHILDREN).pk,
                "entry": newer.pk,
            },
            "not waiting",
        ),
        ({"action": "use", "segment": children.pk, "entry": french.pk}, "another language"),
        (
            {"action": "use", "segment": children.pk, "entry": entry(LEAFLET, PROSPECTO).pk},
            "not made for this segment",
        ),
        ({"action": "use", "segment": children.pk, "entry": 999999}, "not made for this segment"),
        ({"action": "delete_all"}, "Unknown action"),
        ({}, "Unknown action"),
    ]
    for data, message in refused:
        response = client.post(url, data)
        assert response.status_code == 400, data
        assert any(message in m for m in messages_of(response)), (data, messages_of(response))
    assert strings_of(translation) == {}
    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
    assert client.get(reverse("hub_translation_memory:memory", args=(999999,))).status_code == 404


def test_only_who_may_edit_the_translation_uses_the_memory(client, team, make_user, leaflet):
    _target, translation = leaflet
    outsider = make_user("outsider", roles.MEDICAL_REVIEWERS)
    client.force_login(outsider)
    page = client.get(memory_url(translation))
    assert page.status_code == 403
    assert CHILDREN not in page.text
    assert client.post(memory_url(translation), {"action": "accept_exact"}).status_code == 403
    assert strings_of(translation) == {}


def test_the_translation_editor_says_what_the_memory_holds(client, team, leaflet):
    target, translation = leaflet
    editor = client.get(editor_url(target))
    assert editor.status_code == 200
    assert "2 segments have matches in translation memory (2 exact)." in editor.text
    assert memory_url(translation) in editor.text

    # Nothing to say once they are filled, nor for a language the memory has nothing in.
    client.post(memory_url(translation), {"action": "accept_exact"}, follow=True)
    assert "translation memory" not in client.get(editor_url(target)).text
    french, _french_translation = start_translation(client, english("Other", CHILDREN), "fr")
    assert "translation memory" not in client.get(editor_url(french)).text


def test_snippets_feed_and_use_the_memory(client, team, django_capture_on_commit_callbacks):
    notice_text = "Checked by the editors of the hub."
    spanish_text = "Revisado por los editores del portal."
    source = english("Checks", notice_text)
    publish_translation(client, team["translator"], source, {notice_text: spanish_text})
    english_notice = publish_english_notice(notice_text)
    client.force_login(team["manager"])
    notice, translation = start_notice_translation(client, english_notice)

    editor = client.get(notice_edit_url(notice))
    assert "1 segment has matches in translation memory (1 exact)." in editor.text
    client.post(memory_url(translation), {"action": "accept_exact"})
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=team["manager"], publish=True)

    notice.refresh_from_db()
    assert notice.live
    assert notice.text == spanish_text
    # Published again, from the snippet: the entry now says so.
    assert entry(notice_text, spanish_text).origin == "Machine translation notice: " + str(notice)


def test_the_command_builds_the_memory_from_live_translations(client, team):
    about = english("About us", WELCOME)
    spanish_about, about_translation = publish_translation(
        client, team["translator"], about, {"About us": "Sobre nosotros", WELCOME: BIENVENIDOS}
    )
    # A later draft edit of a live translation, and a translation never published.
    translate_string(client, about_translation, "About us", "Quiénes somos")
    draft = english("Contact", DOSING)
    translate(client, team["translator"], draft, {DOSING: DOSIFICACION})
    TranslationMemoryEntry.objects.all().delete()

    output = StringIO()
    call_command("build_translation_memory", stdout=output)

    # The title's published text is gone from the strings: it comes back at the next
    # publication.
    assert pairs() == {(WELCOME, BIENVENIDOS)}
    assert "Recorded 1 segment translation(s) from 2 live" in output.getvalue()
    assert entry(WELCOME, BIENVENIDOS).published_at == spanish_about.last_published_at
    call_command("build_translation_memory", stdout=StringIO())
    assert TranslationMemoryEntry.objects.count() == 1


PARAGRAPH = "Section {} of the leaflet explains to patients how to take this medicine safely."


def big_page_memory(client, team, count):
    """A page of ``count`` segments (title, intro, paragraphs), each with an exact match in
    the memory and fuzzy ones (the other paragraphs); returns its Spanish translation."""
    paragraphs = [PARAGRAPH.format(f"number {i}") for i in range(count - 2)]
    page = english(f"Long leaflet {count}", WELCOME, paragraphs)
    english_locale = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get(language_code="es")
    now = timezone.now()
    TranslationMemoryEntry.objects.bulk_create(
        [
            TranslationMemoryEntry(
                source_locale=english_locale,
                target_locale=spanish,
                source_text=text,
                source_hash=hashlib.sha256(text.encode()).hexdigest(),
                source_length=len(text),
                target_text=f"ES {text}",
                target_hash=hashlib.sha256(f"ES {text}".encode()).hexdigest(),
                origin="Standard page: Prospecto",
                published_at=now,
            )
            for text in [WELCOME, *paragraphs]
        ],
        # The small page's paragraphs are the big one's first ones.
        ignore_conflicts=True,
    )
    client.force_login(team["translator"])
    target, translation = start_translation(client, page)
    return target, translation


def test_the_memory_page_costs_the_same_queries_for_200_segments(client, team):
    _small_target, small = big_page_memory(client, team, 4)
    _big_target, big = big_page_memory(client, team, 200)
    assert StringSegment.objects.filter(source=big.source).count() == 200

    # Warmed up first: the process's first request fills caches (content types and such).
    client.get(memory_url(small))
    small_queries, _response = queries_of_get(client, memory_url(small))
    big_queries, response = queries_of_get(client, memory_url(big))

    assert len(response.context["rows"]) == 199  # all but the title
    assert response.context["exact_count"] == 199
    assert all(len(row["offers"]) == 4 for row in response.context["rows"][1:])
    # The memory's own share is 2 (segments, candidates); the rest is the translation, its
    # target, the user's permissions and the admin's menus.
    assert big_queries == small_queries <= 35


def test_the_editor_banner_costs_the_same_queries_for_200_segments(client, team, rf):
    small_target, _small = big_page_memory(client, team, 4)
    big_target, _big = big_page_memory(client, team, 200)

    def banner_queries(target):
        request = rf.get(editor_url(target))
        request.user = team["translator"]
        SessionMiddleware(lambda r: None).process_request(request)
        MessageMiddleware(lambda r: None).process_request(request)
        with CaptureQueriesContext(connection) as queries:
            assert offer_memory(request, target) is None
        (message,) = [str(m).strip() for m in get_messages(request)]
        return len(queries), message

    banner_queries(small_target)  # warmed up, as for the memory page
    small_queries, small_message = banner_queries(small_target)
    big_queries, big_message = banner_queries(big_target)

    assert "3 segments have matches in translation memory (3 exact)." in small_message
    assert "199 segments have matches in translation memory (199 exact)." in big_message
    # translation_of (the default locale, the translation), the segments, the candidates.
    assert big_queries == small_queries <= 4
    # Through the editor itself, the banner is there.
    assert "199 segments have matches" in client.get(editor_url(big_target)).text
