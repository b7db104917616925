"""The numbers guard: figures that differ from the source block publishing until confirmed."""

import pytest

from django.urls import reverse

from home.models import HomePage, StandardPage
from hub_site.translation.models import NumberCheckConfirmation
from hub_site.translation.numbers import extract_numbers, numbers_differ
from tests.translation.helpers import start_translation, translate_string
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


@pytest.fixture
def figures_page(db):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    page = home.add_child(
        instance=StandardPage(title="Response rates", slug="response-rates", intro="53% and 46%")
    )
    page.save_revision().publish()
    return page


def submit(client, page):
    return client.post(reverse("hub_workflows:submit_translation", args=(page.pk,)))


def test_changed_figures_are_flagged_block_submission_until_confirmed(client, team, figures_page):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, figures_page)
    translate_string(client, translation, "Response rates", "Tasas de respuesta")
    translate_string(client, translation, "53% and 46%", "53% y 64%")
    check_url = reverse("hub_translation:number_check", args=(spanish_page.pk,))

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
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("“53% and 46%” → “53% y 64%”" in m for m in messages)

    # Publishing from wagtail-localize's editor is refused as well.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(spanish_page.pk,)), {"action": "publish"}
    )
    assert response["Location"] == check_url
    spanish_page.refresh_from_db()
    assert not spanish_page.live

    # The translator confirms the figures: recorded, and submission goes through.
    segment_id = check.context["flagged"][0].string_translation.pk
    assert client.post(check_url, {"string_translation": segment_id}).status_code == 302
    confirmation = NumberCheckConfirmation.objects.get()
    assert confirmation.confirmed_by == team["translator"]
    assert confirmation.confirmed_text == "53% y 64%"
    assert confirmation.confirmed_at is not None
    assert client.get(check_url).context["flagged"] == []

    assert_done(submit(client, spanish_page))
    spanish_page.refresh_from_db()
    assert spanish_page.workflow_in_progress
    client.force_login(team["translation_reviewer"])
    assert_done(act(client, spanish_page, "approve"))
    spanish_page.refresh_from_db()
    assert spanish_page.live
    assert spanish_page.intro == "53% y 64%"


def test_fixed_figures_are_allowed_and_a_confirmation_covers_only_its_text(
    client, team, figures_page
):
    client.force_login(team["translator"])
    spanish_page, translation = start_translation(client, figures_page)
    translate_string(client, translation, "Response rates", "Tasas de respuesta")
    translate_string(client, translation, "53% and 46%", "53% y 64%")
    check_url = reverse("hub_translation:number_check", args=(spanish_page.pk,))
    segment_id = client.get(check_url).context["flagged"][0].string_translation.pk
    client.post(check_url, {"string_translation": segment_id})

    # Editing the segment again to other wrong figures needs a new confirmation.
    translate_string(client, translation, "53% and 46%", "53% y 65%")
    assert submit(client, spanish_page)["Location"] == check_url

    translate_string(client, translation, "53% and 46%", "53% y 46%")
    assert client.get(check_url).context["flagged"] == []
    assert_done(submit(client, spanish_page))


def test_confirming_a_segment_that_is_not_flagged_is_refused(client, team, figures_page):
    client.force_login(team["translator"])
    spanish_page, _ = start_translation(client, figures_page)
    check_url = reverse("hub_translation:number_check", args=(spanish_page.pk,))
    assert client.post(check_url, {"string_translation": "999999"}).status_code == 400
    assert client.post(check_url, {"string_translation": "abc"}).status_code == 400
    assert not NumberCheckConfirmation.objects.exists()

    client.force_login(team["editor"])
    assert client.get(check_url).status_code in (302, 403)
