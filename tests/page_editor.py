"""Wagtail's page editor used as an editor uses it: its form posted through the admin's own
URL (the release tests and ``bench/release.py`` both walk a correction this way)."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def submit_standard_page(client, page, intro, body):
    """The client's user saves the standard page with this intro and rich-text body and
    submits it for review; returns the editor's response."""
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": intro,
                "body": rich_text(body),
                "comments": inline_formset([]),
                "action-submit": "Submit",
            }
        ),
    )
