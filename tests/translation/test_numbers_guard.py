"""The numbers guard: figures that differ from the source block publishing until someone other
than their translator confirms them, with a reason."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from hub_site.translation.models import NumberCheckConfirmation
from hub_site.translation.numbers_guard import extract_numbers, numbers_differ
from hub_site.workflows import roles
from tests.translation.helpers import (
    confirm_figures,
    number_check_url,
    start_translation,
    translate_figures_page,
    translate_string,
)
from tests.workflows.test_editorial_workflow import act, assert_done


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("53% and 46%", "53 % y 46 %"),
        ("p < 0.001", "p < 0,001"),
        ("0.004", "0,004"),
        ("1,500 patients", "1.500 pacientes"),
        ("12,345 patients", "12\u202f345 patients"),
        ("1.5–4.8 mg", "1,5-4,8 mg"),
        ("In 2020, 3 doses", "3 dosis en 2020"),
        ("<b>53%</b>", "53%"),
    ],
)
def test_same_figures_in_another_notation(source, translation):
    assert not numbers_differ(source, translation)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("53% and 46%", "53% y 64%"),
        ("p < 0.001", "p < 0,01"),
        ("1.5–4.8 mg", "1,5–4,9 mg"),
        ("2 doses", "dos dosis"),
        ("46%", "46% y 46%"),
    ],
)
def test_different_figures(source, translation):
    assert numbers_differ(source, translation)


def test_extracted_values_are_normalised():
    assert sorted(extract_numbers("2.345,6 and 0,5 and 1,234.5").elements()) == [
        "0.5",
        "1234.5",
        "2345.6",
    ]


def submit(client, page):
    return client.post(reverse("hub_workflows:submit_translation", args=(page.pk,)))


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def flagged_id(client, page):
    return client.get(number_check_url(page)).context["flagged"][0].string_translation.pk


def test_changed_figures_are_flagged_and_block_submission_and_publishing(
    client, team, figures_page
):
    spanish_page, _translation = translate_figures_page(client, team["translator"], figures_page)
    check_url = number_check_url(spanish_page)

    # Flagged in the editor: a warning, and a header button to the numbers check.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)))
    html = editor.content.decode()
    assert "cannot be published until they are corrected or confirmed" in html
    assert check_url in html
    check = client.get(check_url)
    assert "53% and 46%" in check.content.decode()
    assert "46, 53 → 53, 64" in check.content.decode()

    # Submitting for review is refused with the segments listed.
    response = submit(client, spanish_page)
    assert response.status_code == 302
    assert response["Location"] == check_url
    spanish_page.refresh_from_db()
    assert not spanish_page.workflow_in_progress
    assert any("“53% and 46%” → “53% y 64%”" in m for m in messages_of(response))

    # Publishing from wagtail-localize's editor is refused as well (by the numbers guard, or
    # first by certification, which publishes pages only at the end of their review).
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)), {"action": "publish"}
    )
    assert response.status_code == 403 or response["Location"] == check_url
    spanish_page.refresh_from_db()
    assert not spanish_page.live


def test_the_translator_cannot_confirm_their_own_figures(client, team, figures_page):
    spanish_page, _translation = translate_figures_page(client, team["translator"], figures_page)
    check_url = number_check_url(spanish_page)
    check = client.get(check_url)
    assert "You translated this segment: someone else confirms its figures." in check.text
    assert 'name="reason"' not in check.text

    response = confirm_figures(client, check_url, flagged_id(client, spanish_page))

    assert response.status_code == 403
    assert any("someone other than its translator must confirm" in m for m in messages_of(response))
    assert not NumberCheckConfirmation.objects.exists()
    assert submit(client, spanish_page)["Location"] == check_url


def test_a_reviewer_confirms_with_a_reason_and_the_translation_goes_through(
    client, team, figures_page
):
    spanish_page, _translation = translate_figures_page(client, team["translator"], figures_page)
    check_url = number_check_url(spanish_page)
    segment_id = flagged_id(client, spanish_page)

    # The translation reviewers (the page's workflow) may confirm; nobody else may look.
    client.force_login(team["editor"])
    assert client.get(check_url).status_code in (302, 403)
    client.force_login(team["translation_reviewer"])
    check = client.get(check_url)
    assert check.status_code == 200
    assert 'name="reason"' in check.text
    assert "translator" in check.text  # who translated the segment

    # A confirmation without a reason is refused, and nothing is stored.
    for blank in ("", "   "):
        response = confirm_figures(client, check_url, segment_id, reason=blank)
        assert response.status_code == 400
        assert any("Say why the figures differ" in m for m in messages_of(response))
        assert not NumberCheckConfirmation.objects.exists()

    response = confirm_figures(client, check_url, segment_id, reason="The source has a typo.")
    assert response.status_code == 302
    confirmation = NumberCheckConfirmation.objects.get()
    assert confirmation.confirmed_by == team["translation_reviewer"]
    assert confirmation.confirmed_text == "53% y 64%"
    assert confirmation.reason == "The source has a typo."
    assert confirmation.confirmed_at is not None
    assert client.get(check_url).context["flagged"] == []

    client.force_login(team["translator"])
    assert_done(submit(client, spanish_page))
    spanish_page.refresh_from_db()
    assert spanish_page.workflow_in_progress
    client.force_login(team["translation_reviewer"])
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    assert spanish_page.live
    assert spanish_page.intro == "53% y 64%"


def test_a_confirmation_covers_only_its_text_and_correct_figures_need_none(
    client, team, figures_page
):
    spanish_page, translation = translate_figures_page(client, team["translator"], figures_page)
    check_url = number_check_url(spanish_page)
    client.force_login(team["translation_reviewer"])
    confirm_figures(client, check_url, flagged_id(client, spanish_page))
    assert client.get(check_url).context["flagged"] == []

    # The translator changes the figure again: the confirmation was for the other text.
    client.force_login(team["translator"])
    translate_string(client, translation, "53% and 46%", "53% y 65%")
    assert submit(client, spanish_page)["Location"] == check_url
    assert [f.translated_text for f in client.get(check_url).context["flagged"]] == ["53% y 65%"]

    translate_string(client, translation, "53% and 46%", "53% y 46%")
    assert client.get(check_url).context["flagged"] == []
    assert_done(submit(client, spanish_page))


def test_a_confirmation_by_the_translator_stored_before_never_counts(
    client, team, make_user, figures_page
):
    spanish_page, _translation = translate_figures_page(client, team["translator"], figures_page)
    segment = client.get(number_check_url(spanish_page)).context["flagged"][0]
    # As the numbers check stored them before it asked for a second person and a reason.
    NumberCheckConfirmation.objects.create(
        string_translation=segment.string_translation,
        confirmed_text=segment.translated_text,
        confirmed_by=team["translator"],
    )
    assert len(client.get(number_check_url(spanish_page)).context["flagged"]) == 1

    # Nor does a confirmation whose author's account is gone.
    leaver = make_user("leaver", roles.TRANSLATION_REVIEWERS)
    NumberCheckConfirmation.objects.create(
        string_translation=segment.string_translation,
        confirmed_text=segment.translated_text,
        confirmed_by=leaver,
        reason="Checked with the authors.",
    )
    assert client.get(number_check_url(spanish_page)).context["flagged"] == []
    leaver.delete()
    assert len(client.get(number_check_url(spanish_page)).context["flagged"]) == 1


def test_confirming_a_segment_that_is_not_flagged_is_refused(client, team, figures_page):
    client.force_login(team["translator"])
    spanish_page, _ = start_translation(client, figures_page)
    check_url = number_check_url(spanish_page)
    client.force_login(team["translation_reviewer"])
    assert confirm_figures(client, check_url, "999999").status_code == 400
    assert confirm_figures(client, check_url, "abc").status_code == 400
    assert not NumberCheckConfirmation.objects.exists()
