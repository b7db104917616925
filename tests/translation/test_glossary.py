"""The glossary guard: a segment departing from a term's agreed translation needs a reason
before the translation goes to review; DeepL receives the glossary."""

import pytest

from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail_localize.machine_translators.deepl import requests as deepl_requests
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from home.models import HomePage, StandardPage
from hub_site.translation.approval import translation_blockers
from hub_site.translation.deepl import GlossaryDeepLTranslator
from hub_site.translation.glossary import (
    FORBIDDEN,
    MISSING,
    TermMatcher,
    glossary_warnings,
    plain_text,
)
from hub_site.translation.models import GlossaryTerm, GlossaryWarningReason
from tests.publishing import publish_certified
from tests.translation.helpers import (
    machine_translate,
    publish_english_page,
    start_translation,
    translate_string,
)
from tests.workflows.test_editorial_workflow import act, assert_done

TITLE = "Heart transplant"
INTRO = "Care after a transplant."


def add_term(source_term, approved, forbidden="", target="es", notes=""):
    return GlossaryTerm.objects.create(
        source_locale=Locale.objects.get(language_code="en"),
        target_locale=Locale.objects.get(language_code=target),
        source_term=source_term,
        approved_translation=approved,
        forbidden_translations=forbidden,
        notes=notes,
    )


def glossary_check_url(page):
    return reverse("hub_glossary:glossary_check", args=(page.pk,))


def submit(client, page):
    return client.post(reverse("hub_workflows:submit_translation", args=(page.pk,)))


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def give_reason(client, page, warning, reason="The sentence reads better this way."):
    return client.post(
        glossary_check_url(page),
        {
            "string_translation": warning.string_translation.pk,
            "term": warning.term.pk,
            "reason": reason,
        },
    )


@pytest.fixture
def transplant_page(db):
    return publish_english_page(TITLE, "heart-transplant", INTRO)


@pytest.fixture
def transplant_term(db):
    return add_term("transplant", "trasplante", forbidden="transplante\ntransplantación")


@pytest.mark.parametrize(
    ("source", "translation", "kind"),
    [
        ("Care after a transplant.", "Cuidados tras un injerto.", MISSING),
        ("Care after a transplant.", "Cuidados tras un transplante.", FORBIDDEN),
        ("Care after a transplant.", "Cuidados tras un trasplante y un transplante.", FORBIDDEN),
        ("Care after a transplant.", "Cuidados tras un trasplante.", None),
        ("Care after a TRANSPLANT.", "Cuidados tras un Trasplante.", None),
        ("Two transplants.", "Dos injertos.", None),  # not the whole word
        ("<b>Transplant</b> care", "Cuidados del <b>trasplante</b>", None),
        ("Care after transplant.", "Cuidados tras los trasplantes.", None),  # inflected
        ("Care after transplant.", "Cuidados tras el pretrasplante.", MISSING),
        ("Care after transplant.", "Cuidados tras la transplantación.", FORBIDDEN),
    ],
)
def test_the_term_in_the_source_asks_for_its_translation(source, translation, kind):
    term = GlossaryTerm(
        source_term="transplant",
        approved_translation="trasplante",
        forbidden_translations="transplante\n  transplantación  \n",
    )
    assert TermMatcher(term).kind(plain_text(source), plain_text(translation)) == kind


def test_terms_of_several_words_and_entities():
    term = GlossaryTerm(source_term="heart failure", approved_translation="insuficiencia cardíaca")
    matcher = TermMatcher(term)
    assert matcher.kind(plain_text("Heart\n failure &amp; more"), "Fallo del corazón") == MISSING
    assert matcher.kind("Heart failure", "La insuficiencia  cardíaca") is None
    assert matcher.kind("Heart failures", "Fallos") is None


def test_human_segments_are_checked(client, team, transplant_page, transplant_term):
    client.force_login(team["translator"])
    _spanish_page, translation = start_translation(client, transplant_page)
    translate_string(client, translation, TITLE, "Trasplantes de corazón")  # an inflection
    translate_string(client, translation, INTRO, "Cuidados tras un injerto.")

    (warning,) = glossary_warnings(translation)
    assert (warning.source_text, warning.translated_text, warning.term) == (
        INTRO,
        "Cuidados tras un injerto.",
        transplant_term,
    )
    assert (warning.kind, warning.is_machine, warning.has_reason) == (MISSING, False, False)

    translate_string(client, translation, INTRO, "Cuidados tras un transplante.")
    assert [(w.kind, w.translated_text) for w in glossary_warnings(translation)] == [
        (FORBIDDEN, "Cuidados tras un transplante.")
    ]

    translate_string(client, translation, INTRO, "Cuidados tras un trasplante.")
    assert glossary_warnings(translation) == []


def test_another_language_pair_is_not_checked(client, team, transplant_page):
    add_term("transplant", "greffe", target="fr")
    client.force_login(team["translator"])
    _spanish_page, translation = start_translation(client, transplant_page)
    translate_string(client, translation, INTRO, "Cuidados tras un injerto.")
    assert glossary_warnings(translation) == []


def test_machine_translated_segments_are_checked_alike(client, team, english_page, libretranslate):
    # The loopback service writes "[es] Bienvenido, pacientes" for "Welcome, patients".
    patients = add_term("patients", "enfermos", forbidden="pacientes")
    add_term("welcome", "bienvenido")
    client.force_login(team["translator"])
    _spanish_page, translation = start_translation(client, english_page)
    machine_translate(client, translation)

    (warning,) = glossary_warnings(translation)
    assert (warning.term, warning.kind, warning.is_machine) == (patients, FORBIDDEN, True)
    assert warning.translated_text == "[es] Bienvenido, pacientes"
    assert warning.string_translation.translation_type == "machine"


def test_submission_needs_a_reason_for_each_warning(client, team, transplant_page, transplant_term):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, transplant_page)
    translate_string(client, translation, TITLE, "Trasplante de corazón")
    translate_string(client, translation, INTRO, "Cuidados tras un injerto.")
    check_url = glossary_check_url(spanish_page)

    # The editor says so, with the way to the glossary check.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    assert "1 segment(s) depart from the glossary: give a reason or correct them." in editor.text
    assert check_url in editor.text
    assert translation_blockers(spanish_page) == ["1 glossary warning has no reason yet."]

    # Submitting is refused: nothing goes to review.
    response = submit(client, spanish_page)
    assert response.status_code == 302
    assert response["Location"] == check_url
    assert any("1 glossary warning has no reason yet." in m for m in messages_of(response))
    spanish_page.refresh_from_db()
    assert not spanish_page.workflow_in_progress
    assert not WorkflowState.objects.filter(object_id=str(spanish_page.pk)).exists()

    # The translator says why, on the glossary check.
    (warning,) = client.get(check_url).context["warnings"]
    assert give_reason(client, spanish_page, warning).status_code == 302
    reason = GlossaryWarningReason.objects.get()
    assert (reason.checked_text, reason.given_by, reason.term) == (
        "Cuidados tras un injerto.",
        team["translator"],
        transplant_term,
    )
    assert translation_blockers(spanish_page) == []
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    assert "depart from the glossary" not in editor.text

    # Editing the text asks again: the reason was for the other text.
    translate_string(client, translation, INTRO, "Cuidados tras un injerto cardíaco.")
    assert submit(client, spanish_page)["Location"] == check_url
    assert not WorkflowState.objects.filter(object_id=str(spanish_page.pk)).exists()
    (warning,) = client.get(check_url).context["warnings"]
    assert not warning.has_reason
    give_reason(client, spanish_page, warning, reason="Injerto is the word of this journal.")

    assert_done(submit(client, spanish_page))
    spanish_page.refresh_from_db()
    assert spanish_page.workflow_in_progress

    # The reviewer sees the reason, and may approve: the reason holds for the text.
    client.force_login(team["translation_reviewer"])
    assert "Injerto is the word of this journal." in client.get(check_url).text
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    assert spanish_page.live
    assert spanish_page.intro == "Cuidados tras un injerto cardíaco."


def test_a_term_added_during_review_stops_approval_until_explained(client, team, transplant_page):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, transplant_page)
    translate_string(client, translation, TITLE, "Trasplante de corazón")
    translate_string(client, translation, INTRO, "Cuidados tras un injerto.")
    assert_done(submit(client, spanish_page))

    add_term("transplant", "trasplante")
    client.force_login(team["translation_reviewer"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    assert "1 glossary warning has no reason yet." in editor.text
    act(client, spanish_page, "approve")
    spanish_page.refresh_from_db()
    assert not spanish_page.live

    # The reviewer may give the reason as well.
    (warning,) = client.get(glossary_check_url(spanish_page)).context["warnings"]
    give_reason(client, spanish_page, warning, reason="Agreed with the translator.")
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    assert spanish_page.live


def long_page(paragraphs):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    body = "".join(f"<p>Transplant case number {index}.</p>" for index in range(paragraphs))
    page = home.add_child(
        instance=StandardPage(title=f"Cases {paragraphs}", slug=f"cases-{paragraphs}", body=body)
    )
    publish_certified(page.save_revision())
    return page


def translate_all(translation, translator):
    """Every segment translated, every other case without the approved term; returns how
    many segments lack it."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    texts = {
        segment: (f"Injerto {index}" if index % 2 else f"Trasplante {index}")
        if "Transplant" in segment.string.data
        else "Casos"
        for index, segment in enumerate(segments)
    }
    StringTranslation.objects.bulk_create(
        StringTranslation(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=translation.target_locale,
            data=text,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=translator,
        )
        for segment, text in texts.items()
    )
    return sum(text.startswith("Injerto") for text in texts.values())


def queries_of_warnings(translation_pk):
    translation = Translation.objects.select_related("source").get(pk=translation_pk)
    with CaptureQueriesContext(connection) as queries:
        warnings = glossary_warnings(translation)
    return warnings, len(queries)


def test_queries_do_not_grow_with_the_segments(client, team, transplant_term):
    client.force_login(team["translator"])
    counts = {}
    for paragraphs in (2, 200):
        _spanish_page, translation = start_translation(client, long_page(paragraphs))
        lacking = translate_all(translation, team["translator"])
        segments = StringSegment.objects.filter(source=translation.source).count()
        warnings, _count = queries_of_warnings(translation.pk)
        # Reasons for some of them: their query is part of the figure.
        for warning in warnings[::3]:
            GlossaryWarningReason.objects.create(
                string_translation=warning.string_translation,
                term=warning.term,
                checked_text=warning.translated_text,
                reason="House style.",
            )
        warnings, counts[segments] = queries_of_warnings(translation.pk)
        assert len(warnings) == lacking
        assert sum(w.has_reason for w in warnings) == len(warnings[::3])

    assert set(counts) == {3, 201}  # the paragraphs and the title
    assert counts[3] == counts[201] <= 4


def test_a_pair_without_terms_costs_one_query(client, team, transplant_page):
    client.force_login(team["translator"])
    _spanish_page, translation = start_translation(client, transplant_page)
    translate_string(client, translation, INTRO, "Cuidados tras un injerto.")
    warnings, count = queries_of_warnings(translation.pk)
    assert (warnings, count) == ([], 1)


class FakeResponse:
    def __init__(self, status_code, payload):
        self.status_code = status_code
        self.payload = payload

    def json(self):
        return self.payload

    def raise_for_status(self):
        if self.status_code >= 400:
            raise deepl_requests.HTTPError(f"{self.status_code} from DeepL")


@pytest.fixture
def deepl(monkeypatch):
    """DeepL's API as wagtail-localize's module reaches it, recording each request."""
    calls = []
    state = {"glossary_status": 201, "glossaries": 0}

    def post(url, data=None, timeout=None, headers=None):
        calls.append(("POST", url, data, headers))
        if url.endswith("/v2/glossaries"):
            state["glossaries"] += 1
            return FakeResponse(
                state["glossary_status"], {"glossary_id": f"gl-{state['glossaries']}"}
            )
        return FakeResponse(200, {"translations": [{"text": f"ES:{t}"} for t in data["text"]]})

    def delete(url, timeout=None, headers=None):
        calls.append(("DELETE", url, None, headers))
        return FakeResponse(204, None)

    monkeypatch.setattr(deepl_requests, "post", post)
    monkeypatch.setattr(deepl_requests, "delete", delete)
    return calls, state


def deepl_translate(text="Care after a transplant."):
    translator = GlossaryDeepLTranslator({"AUTH_KEY": "secret-key:fx"})
    english, spanish = (Locale.objects.get(language_code=code) for code in ("en", "es"))
    string = StringValue(text)
    return translator.translate(english, spanish, [string])[string].data


def test_deepl_receives_the_glossary_of_the_pair(db, deepl):
    calls, _state = deepl
    add_term("transplant", "trasplante", forbidden="transplante")
    add_term("heart failure", "insuficiencia cardíaca")
    add_term("transplant", "greffe", target="fr")  # another pair's

    assert deepl_translate() == "ES:Care after a transplant."

    (create, translate) = calls
    assert create[0:2] == ("POST", "https://api-free.deepl.com/v2/glossaries")
    assert create[2] == {
        "name": "Hub CMS glossary en→es",
        "source_lang": "EN",
        "target_lang": "ES",
        "entries": "heart failure\tinsuficiencia cardíaca\ntransplant\ttrasplante",
        "entries_format": "tsv",
    }
    assert create[3] == {"Authorization": "DeepL-Auth-Key secret-key:fx"}
    assert translate[1] == "https://api-free.deepl.com/v2/translate"
    assert translate[2]["glossary_id"] == "gl-1"
    assert (translate[2]["source_lang"], translate[2]["target_lang"]) == ("EN", "ES")

    # The same terms: the glossary made is used again, from the cache.
    deepl_translate()
    assert [call[0:2] for call in calls[2:]] == [("POST", translate[1])]
    assert calls[-1][2]["glossary_id"] == "gl-1"

    # A changed term: a new glossary, and the old one deleted at DeepL.
    GlossaryTerm.objects.filter(approved_translation="trasplante").update(
        approved_translation="trasplante de órgano"
    )
    del calls[:]
    deepl_translate()
    assert [call[0:2] for call in calls] == [
        ("POST", "https://api-free.deepl.com/v2/glossaries"),
        ("DELETE", "https://api-free.deepl.com/v2/glossaries/gl-1"),
        ("POST", "https://api-free.deepl.com/v2/translate"),
    ]
    assert calls[-1][2]["glossary_id"] == "gl-2"


def test_deepl_translates_without_a_glossary_it_could_not_make(db, deepl, caplog):
    calls, state = deepl
    state["glossary_status"] = 400
    add_term("transplant", "trasplante")

    assert deepl_translate() == "ES:Care after a transplant."

    (create, translate) = calls
    assert create[1].endswith("/v2/glossaries")
    assert "glossary_id" not in translate[2]
    assert "translating without it" in caplog.text


def test_deepl_without_terms_makes_no_glossary(db, deepl):
    calls, _state = deepl
    deepl_translate()
    ((method, url, data, _headers),) = calls
    assert url.endswith("/v2/translate")
    assert "glossary_id" not in data
