"""Presentation logic for structured block values, kept out of templates."""

from django.utils.translation import gettext_lazy as _

from wagtail.blocks import StructValue

DOI_RESOLVER = "https://doi.org/"
PUBMED_BASE = "https://pubmed.ncbi.nlm.nih.gov/"


class ReferenceValue(StructValue):
    """One bibliographic reference, formatted in the Vancouver style medical journals use."""

    @property
    def doi_url(self):
        doi = self.get("doi")
        return f"{DOI_RESOLVER}{doi}" if doi else ""

    @property
    def pubmed_url(self):
        pmid = self.get("pmid")
        return f"{PUBMED_BASE}{pmid}/" if pmid else ""

    @property
    def source(self):
        """Journal, year, volume and pages: "Am J Hematol. 2025;100(3):1-10"."""
        locator = str(self.get("year") or "")
        for separator, part in ((";", self.get("volume")), (":", self.get("pages"))):
            if part:
                locator = f"{locator}{separator}{part}" if locator else part
        return ". ".join(part for part in (self.get("journal"), locator) if part)

    @property
    def citation(self):
        """The whole reference as plain text, each part ending with a full stop."""
        parts = [(part or "").strip() for part in (self["authors"], self["title"], self.source)]
        return " ".join(part if part[-1] in ".?!" else f"{part}." for part in parts if part)

    @property
    def json_ld(self):
        """The reference as a schema.org citation of the article's JSON-LD."""
        data = {"@type": "ScholarlyArticle", "name": self["title"], "author": self["authors"]}
        if self.get("journal"):
            data["isPartOf"] = {"@type": "Periodical", "name": self["journal"]}
        if self.get("year"):
            data["datePublished"] = str(self["year"])
        if self.get("pages"):
            data["pagination"] = self["pages"]
        identifiers = [
            {"@type": "PropertyValue", "propertyID": name, "value": self[field]}
            for name, field in (("DOI", "doi"), ("PMID", "pmid"))
            if self.get(field)
        ]
        if identifiers:
            data["identifier"] = identifiers
        links = [url for url in (self.doi_url, self.pubmed_url, self.get("url")) if url]
        if links:
            data["url"] = links[0]
        if len(links) > 1:
            data["sameAs"] = links[1:]
        return data


CALLOUT_TONES = [
    ("note", _("Note")),
    ("key-point", _("Key point")),
    ("caution", _("Caution")),
]


class CalloutValue(StructValue):
    @property
    def label(self):
        """The heading, or else the tone's name, so every callout is announced by a heading."""
        return self.get("heading") or dict(CALLOUT_TONES).get(self.get("tone"), "")
