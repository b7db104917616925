import pytest

from django.urls import reverse

from wagtail.blocks import StructBlockValidationError

from articles.blocks import (
    ArticleBodyBlock,
    ArticleTableBlock,
    CalloutBlock,
    ReferenceBlock,
    ReferencesBlock,
)

VALID_REFERENCE = {
    "authors": "Pasvolsky O, et al",
    "title": "Allogeneic transplant in second remission",
    "journal": "Am J Hematol",
    "year": 2025,
    "volume": "100(3)",
    "pages": "401-410",
    "doi": "10.1002/ajh.12345",
    "pmid": "12345678",
    "url": "",
}


def clean_reference(**changes):
    block = ReferenceBlock()
    return block.clean(block.to_python({**VALID_REFERENCE, **changes}))


def refusal_of_reference(**changes):
    """The validation error a reference with ``changes`` is refused with."""
    with pytest.raises(StructBlockValidationError) as caught:
        clean_reference(**changes)
    return caught.value


def test_a_complete_reference_is_valid():
    value = clean_reference()
    assert value["doi"] == "10.1002/ajh.12345"
    assert value["pmid"] == "12345678"


@pytest.mark.parametrize(
    "pasted",
    [
        "https://doi.org/10.1002/ajh.12345",
        "http://dx.doi.org/10.1002/ajh.12345",
        "doi: 10.1002/ajh.12345",
        " 10.1002/ajh.12345 ",
    ],
)
def test_a_pasted_doi_link_is_stored_bare(pasted):
    assert clean_reference(doi=pasted)["doi"] == "10.1002/ajh.12345"


@pytest.mark.parametrize(
    "doi", ["10.12/abc", "11.1002/ajh.1", "10.1002", "10.1002/", "ajh.12345", "10.1002/a b"]
)
def test_a_bad_doi_is_refused_with_a_clear_message(doi):
    errors = refusal_of_reference(doi=doi).block_errors
    assert set(errors) == {"doi"}
    assert f"“{doi}” is not a DOI" in errors["doi"].messages[0]
    assert "starts with “10.”" in errors["doi"].messages[0]


@pytest.mark.parametrize("pmid", ["123456789", "PMID123", "12 34", "-1", "1.5"])
def test_a_bad_pubmed_id_is_refused_with_a_clear_message(pmid):
    errors = refusal_of_reference(pmid=pmid).block_errors
    assert set(errors) == {"pmid"}
    assert f"“{pmid}” is not a PubMed ID" in errors["pmid"].messages[0]
    assert "1 to 8 digits" in errors["pmid"].messages[0]


def test_a_bad_doi_and_pmid_are_both_reported():
    assert set(refusal_of_reference(doi="nope", pmid="nope").block_errors) == {"doi", "pmid"}


def test_a_reference_readers_cannot_trace_is_refused():
    refusal = refusal_of_reference(journal="", doi="", pmid="", url="")
    assert refusal.block_errors == {}
    assert "journal, DOI, PubMed ID or URL" in refusal.non_block_errors[0]


def test_a_reference_with_only_a_url_is_traceable():
    value = clean_reference(journal="", doi="", pmid="", url="https://example.org/paper")
    assert value["url"] == "https://example.org/paper"


def test_reference_value_builds_links_and_a_vancouver_citation():
    value = clean_reference()

    assert value.doi_url == "https://doi.org/10.1002/ajh.12345"
    assert value.pubmed_url == "https://pubmed.ncbi.nlm.nih.gov/12345678/"
    assert value.citation == (
        "Pasvolsky O, et al. Allogeneic transplant in second remission. "
        "Am J Hematol. 2025;100(3):401-410."
    )


def test_citation_skips_missing_parts_and_keeps_the_titles_own_punctuation():
    value = clean_reference(
        title="Does MRD matter?", year=None, volume="", pages="", doi="", pmid=""
    )

    assert value.citation == "Pasvolsky O, et al. Does MRD matter? Am J Hematol."
    assert value.doi_url == ""
    assert value.pubmed_url == ""


def test_reference_json_ld_names_its_identifiers():
    data = clean_reference(url="https://example.org/full-text").json_ld

    assert data["@type"] == "ScholarlyArticle"
    assert data["isPartOf"] == {"@type": "Periodical", "name": "Am J Hematol"}
    assert data["datePublished"] == "2025"
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1002/ajh.12345"} in data[
        "identifier"
    ]
    assert data["url"] == "https://doi.org/10.1002/ajh.12345"
    assert data["sameAs"] == [
        "https://pubmed.ncbi.nlm.nih.gov/12345678/",
        "https://example.org/full-text",
    ]


def test_rendered_reference_links_to_doi_and_pubmed():
    block = ReferenceBlock()
    html = block.render(clean_reference())

    assert 'href="https://doi.org/10.1002/ajh.12345"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in html
    assert "Am J Hematol. 2025;100(3):401-410." in html


def test_callout_without_heading_is_labelled_by_its_tone():
    block = CalloutBlock()
    value = block.to_python({"tone": "caution", "heading": "", "text": "<p>Mind this.</p>"})

    assert value.label == "Caution"
    assert 'aria-label="Caution"' in block.render(value)


def test_table_cells_and_caption_are_translatable_and_restored():
    block = ArticleTableBlock()
    value = {
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "Outcomes",
        "data": [["Outcome", "Rate"], ["Relapse", ""]],
    }

    segments = block.get_translatable_segments(value)
    assert {segment.path: segment.render_text() for segment in segments} == {
        "cell-0-0": "Outcome",
        "cell-0-1": "Rate",
        "cell-1-0": "Relapse",
        "caption": "Outcomes",
    }

    translations = {
        "cell-0-0": "Resultado",
        "cell-0-1": "Tasa",
        "cell-1-0": "Recaída",
        "caption": "Resultados",
    }
    for segment in segments:
        segment.string = type(segment.string).from_plaintext(translations[segment.path])
    translated = block.restore_translated_segments(value, segments)

    assert translated["data"] == [["Resultado", "Tasa"], ["Recaída", ""]]
    assert translated["table_caption"] == "Resultados"
    assert value["data"][0][0] == "Outcome"


def _all_blocks():
    body = ArticleBodyBlock()
    return [*body.child_blocks.values(), *ReferencesBlock().child_blocks.values()]


@pytest.mark.parametrize("block", _all_blocks(), ids=lambda block: block.name)
def test_every_block_has_icon_template_preview_and_description(block):
    for option in ("icon", "template", "preview_value", "description"):
        assert getattr(block.meta, option, None), f"{block.name} has no {option}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "block",
    [block for block in _all_blocks() if block.name != "embed"],
    ids=lambda block: block.name,
)
def test_block_previews_render_in_the_admin(admin_client, block):
    # The embed block is left out: its preview asks the provider over the network.
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )

    assert response.status_code == 200
    assert block.meta.template in [template.name for template in response.templates]
