"""Every article block and block field has a capitalised, translatable label."""

from html import unescape

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise

from wagtail import blocks

from articles.blocks import ArticleBodyBlock, ReferencesBlock
from articles.models import ArticlePage


def labelled_blocks(block, path=()):
    """(path, block) of ``block``'s children, and theirs, down the StreamBlocks and StructBlocks."""
    if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        for name, child in block.child_blocks.items():
            yield (*path, name), child
            yield from labelled_blocks(child, (*path, name))


LABELLED = [
    pytest.param(child, id=".".join(path))
    for top in (ArticleBodyBlock(), ReferencesBlock())
    for path, child in labelled_blocks(top)
]


@pytest.mark.parametrize("block", LABELLED)
def test_each_label_is_given_capitalised_and_translatable(block):
    # Wagtail shows a label as it is given.
    assert isinstance(block.meta.label, Promise)
    assert str(block.label)[0].isupper()


@pytest.mark.parametrize(
    ("language", "paragraph", "volume"),
    [
        ("es", "Párrafo", "Volumen"),
        ("fr", "Paragraphe", "Volume"),
        ("de", "Absatz", "Band"),
        ("it", "Paragrafo", "Volume"),
        ("pt", "Parágrafo", "Volume"),
    ],
)
def test_the_labels_are_translated(language, paragraph, volume):
    body, references = ArticleBodyBlock(), ReferencesBlock()
    with translation.override(language):
        assert str(body.child_blocks["paragraph"].label) == paragraph
        assert str(references.child_blocks["reference"].child_blocks["volume"].label) == volume


def test_the_editor_shows_the_capitalised_labels(admin_client, demo_content):
    article = ArticlePage.objects.first()

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))

    # The StreamField's blocks come to the editor's script as JSON in an HTML attribute.
    html = unescape(edit.content.decode())
    for label in ("Paragraph", "Heading", "Volume", "Pages", "DOI", "PubMed ID"):
        assert f'"label": "{label}"' in html
    for lower_case in ("paragraph", "heading", "volume", "pages"):
        assert f'"label": "{lower_case}"' not in html
