"""The glossary's admin: who keeps the terms, their form's checks, and the glossary check
where a departure is explained."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Locale

from hub_site.translation.models import (
    GlossaryTerm,
    GlossaryWarningReason,
    MachineTranslationNotice,
)
from hub_site.workflows import roles
from tests.translation.helpers import (
    machine_translate,
    publish_english_page,
    start_language,
    start_translation,
    translate_string,
    translation_into,
)
from tests.workflows.test_editorial_workflow import assert_refused

ADD_URL = reverse("wagtailsnippets_hub_translation_glossaryterm:add")
LIST_URL = reverse("wagtailsnippets_hub_translation_glossaryterm:list")
GLOSSARY_PERMISSIONS = {"add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"}


def edit_url(term):
    return reverse("wagtailsnippets_hub_translation_glossaryterm:edit", args=(term.pk,))


def locale(code):
    return Locale.objects.get(language_code=code)


def term_form(source="en", target="es", term="transplant", approved="trasplante", **extra):
    return {
        "source_locale": locale(source).pk,
        "target_locale": locale(target).pk,
        "source_term": term,
        "approved_translation": approved,
        "forbidden_translations": "",
        "notes": "",
        **extra,
    }


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def add_term(source_term="transplant", approved="trasplante", **extra):
    return GlossaryTerm.objects.create(
        source_locale=locale("en"),
        target_locale=locale("es"),
        source_term=source_term,
        approved_translation=approved,
        **extra,
    )


def test_the_roles_hold_the_glossary_permissions(team):
    def codenames(group_name):
        permissions = Group.objects.get(name=group_name).permissions
        return set(
            permissions.filter(content_type__app_label="hub_translation").values_list(
                "codename", flat=True
            )
        )

    assert codenames(roles.TRANSLATION_REVIEWERS) >= GLOSSARY_PERMISSIONS | {"view_glossaryterm"}
    translators = codenames(roles.TRANSLATORS)
    assert "view_glossaryterm" in translators
    assert not translators & GLOSSARY_PERMISSIONS
    assert codenames(roles.SITE_MANAGERS) >= GLOSSARY_PERMISSIONS
    assert not codenames(roles.EDITORS) & (GLOSSARY_PERMISSIONS | {"view_glossaryterm"})
    assert team["translation_reviewer"].has_perm("hub_translation.change_glossaryterm")
    assert team["translator"].has_perm("hub_translation.view_glossaryterm")
    assert not team["translator"].has_perm("hub_translation.add_glossaryterm")


def test_a_translation_reviewer_keeps_the_glossary(client, team):
    client.force_login(team["translation_reviewer"])
    assert client.get(ADD_URL).status_code == 200

    response = client.post(
        ADD_URL,
        term_form(
            forbidden_translations="  transplante \n\ntransplantación",
            notes="ONT usage, 2024.",
        ),
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get()
    assert (term.source_locale, term.target_locale) == (locale("en"), locale("es"))
    assert term.forbidden_translations == "transplante\ntransplantación"
    assert term.notes == "ONT usage, 2024."

    response = client.post(edit_url(term), term_form(approved="trasplante de órgano"))
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.approved_translation == "trasplante de órgano"

    listing = client.get(LIST_URL)
    assert listing.status_code == 200
    assert "transplant" in listing.text
    assert "trasplante de órgano" in listing.text
    assert "English → Spanish" in listing.text or "English → español" in listing.text


def test_the_listing_filters_by_target_language_and_searches_terms(client, team):
    add_term()
    GlossaryTerm.objects.create(
        source_locale=locale("en"),
        target_locale=locale("fr"),
        source_term="heart failure",
        approved_translation="insuffisance cardiaque",
    )
    client.force_login(team["manager"])

    by_language = client.get(LIST_URL, {"target_locale": locale("fr").pk})
    assert "insuffisance cardiaque" in by_language.text
    assert "trasplante" not in by_language.text

    found = client.get(LIST_URL, {"q": "failure"})
    assert "insuffisance cardiaque" in found.text
    assert "trasplante" not in found.text


def test_a_translator_reads_the_glossary_but_cannot_change_it(client, team):
    term = add_term(notes="ONT usage.")
    client.force_login(team["translator"])

    assert client.get(LIST_URL).status_code == 200
    inspect = client.get(
        reverse("wagtailsnippets_hub_translation_glossaryterm:inspect", args=(term.pk,))
    )
    assert inspect.status_code == 200
    assert "ONT usage." in inspect.text

    # Wagtail's admin answers a refusal with its dashboard and "Sorry, you do not have
    # permission to access this area." rather than a bare 403.
    delete_url = reverse("wagtailsnippets_hub_translation_glossaryterm:delete", args=(term.pk,))
    for response in (
        client.get(ADD_URL),
        client.post(ADD_URL, term_form(term="graft")),
        client.get(edit_url(term)),
        client.post(edit_url(term), term_form(approved="injerto")),
        client.post(delete_url),
    ):
        assert_refused(response)
        assert any("you do not have permission" in m for m in messages_of(response))
    term.refresh_from_db()
    assert term.approved_translation == "trasplante"
    assert GlossaryTerm.objects.count() == 1

    # Editors have no business with it.
    client.force_login(team["editor"])
    assert_refused(client.get(LIST_URL))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"target": "en"},
            "target_locale",
            "The target language must differ from the source language.",
        ),
        (
            {"forbidden_translations": "transplante\nTrasplante"},
            "forbidden_translations",
            "“trasplante” is the approved translation: it cannot be forbidden as well.",
        ),
        ({"term": "   "}, "source_term", "This field is required."),
        ({"approved": " "}, "approved_translation", "This field is required."),
        (
            {"term": "Transplant"},
            "source_term",
            "This language pair already has this term in its glossary.",
        ),
    ],
)
def test_the_form_refuses_what_the_guard_could_not_use(client, team, changes, field, message):
    add_term()
    client.force_login(team["translation_reviewer"])

    response = client.post(ADD_URL, term_form(**changes))

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert GlossaryTerm.objects.count() == 1


@pytest.fixture
def departing_translation(client, team):
    """A Spanish translation by the translator whose intro lacks the approved term."""
    add_term(forbidden_translations="transplante", notes="Spanish National Transplant Organisation")
    page = publish_english_page("Heart transplant", "heart-transplant", "Care after a transplant.")
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, page)
    translate_string(client, translation, "Heart transplant", "Trasplante de corazón")
    translate_string(client, translation, "Care after a transplant.", "Cuidados tras un injerto.")
    return spanish_page, reverse("hub_glossary:glossary_check", args=(spanish_page.pk,))


def test_the_glossary_check_lists_the_departures(client, team, departing_translation):
    _spanish_page, check_url = departing_translation
    check = client.get(check_url)

    assert check.status_code == 200
    assert "Care after a <mark>transplant</mark>." in check.text
    assert "Cuidados tras un injerto." in check.text
    assert "<strong>trasplante</strong>" in check.text
    assert "transplante" in check.text
    assert "Spanish National Transplant Organisation" in check.text
    assert "machine translation" not in check.text
    assert 'name="reason"' in check.text

    # The translation reviewers may look too (the workflow's reviewers); editors may not.
    client.force_login(team["translation_reviewer"])
    assert client.get(check_url).status_code == 200
    client.force_login(team["editor"])
    assert_refused(client.get(check_url))


def test_a_reason_is_required_and_only_for_a_current_warning(client, team, departing_translation):
    _spanish_page, check_url = departing_translation
    (warning,) = client.get(check_url).context["warnings"]
    pair = {"string_translation": warning.string_translation.pk, "term": warning.term.pk}

    for blank in ("", "   "):
        response = client.post(check_url, {**pair, "reason": blank})
        assert response.status_code == 400
        assert any(
            "Say why the translation departs from the glossary." in m for m in messages_of(response)
        )
    other_term = add_term("graft", "injerto")
    for unknown in (
        {**pair, "term": other_term.pk},  # a term the segment follows
        {**pair, "string_translation": 999999},
        {**pair, "term": "abc"},
    ):
        response = client.post(check_url, {**unknown, "reason": "House style."})
        assert response.status_code == 400
        assert any("no longer departs" in m for m in messages_of(response))
    assert not GlossaryWarningReason.objects.exists()

    response = client.post(check_url, {**pair, "reason": "House style."})
    assert response.status_code == 302
    assert GlossaryWarningReason.objects.get().reason == "House style."
    check = client.get(check_url)
    assert "House style." in check.text
    assert 'name="reason"' not in check.text


def test_machine_text_is_marked(client, team, english_page, libretranslate):
    add_term("patients", "enfermos", forbidden_translations="pacientes")
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, english_page)
    machine_translate(client, translation)

    check = client.get(reverse("hub_glossary:glossary_check", args=(spanish_page.pk,)))
    assert "[es] Bienvenido, pacientes" in check.text
    assert "machine translation" in check.text
    assert "Uses a forbidden translation." in check.text
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    assert "1 segment(s) depart from the glossary" in editor.text


def test_translated_snippets_have_their_glossary_check(client, team):
    add_term("original", "original")
    english = MachineTranslationNotice.objects.create(
        locale=locale("en"), text="Checked against the original."
    )
    english.save_revision().publish()
    client.force_login(team["manager"])
    start_language(client, "es")
    client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=("hub_translation", "machinetranslationnotice", english.pk),
        ),
        {"locales": [locale("es").pk]},
    )
    translation = translation_into(english, "es")
    translate_string(
        client, translation, "Checked against the original.", "Cotejado con la fuente."
    )
    notice = english.get_translation(locale("es"))
    check_url = reverse("hub_glossary:translation_glossary_check", args=(translation.pk,))

    editor = client.get(
        reverse("wagtailsnippets_hub_translation_machinetranslationnotice:edit", args=(notice.pk,))
    )
    assert "1 segment(s) depart from the glossary" in editor.text
    assert check_url in editor.text

    (warning,) = client.get(check_url).context["warnings"]
    response = client.post(
        check_url,
        {
            "string_translation": warning.string_translation.pk,
            "term": warning.term.pk,
            "reason": "“Fuente” is the journal's word.",
        },
    )
    assert response.status_code == 302
    assert client.get(check_url).context["unexplained"] == []
