"""The home app's page tree, built per test with Wagtail's own page API."""

from io import BytesIO

import pytest
from PIL import Image as PillowImage

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import FunderIndexPage, FunderPage, FundingType, HomePage, SponsorshipLevel
from tests.kept_rows import kept
from tests.publishing import publish_certified

SEED_GRANT = "the Hippocrate Conference Institute, an association of the Servier Group"


def publish_child(parent, page):
    parent.add_child(instance=page)
    publish_certified(page.save_revision())
    return page


def make_image(title):
    buffer = BytesIO()
    PillowImage.new("RGB", (400, 200), (0, 80, 120)).save(buffer, format="PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"))
    image.save()
    return image


@pytest.fixture
def home(db):
    return HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)


@pytest.fixture
@kept
def funder_index(home):
    return publish_child(home, FunderIndexPage(title="Funders", slug="funders"))


@pytest.fixture
@kept
def levels(home):
    return {
        name: SponsorshipLevel.objects.create(locale=home.locale, name=name, rank=rank)
        for rank, name in enumerate(["Platinum", "Gold", "Silver", "Bronze"], start=1)
    }


@pytest.fixture
def add_funder(funder_index, levels):
    """Add a funder under the funders index: a sponsor when given a level name, else a grant."""

    def add(title, level=None, *, disclosure_name="", publish=True, logo=False, **fields):
        funder = FunderPage(
            title=title,
            slug=slugify(title),
            funding_type=FundingType.SPONSOR if level else FundingType.EDUCATIONAL_GRANT,
            level=levels[level] if level else None,
            disclosure_name=disclosure_name,
            logo=make_image(f"{title} logo") if logo else None,
            live=publish,
            **fields,
        )
        funder_index.add_child(instance=funder)
        revision = funder.save_revision()
        if publish:
            publish_certified(revision)
        return funder

    return add


@pytest.fixture
@kept
def seed_funders(add_funder):
    """The seed's funders, added in reverse so only the levels can put them in order."""
    funders = {
        "Pfizer": add_funder("Pfizer", "Bronze"),
        "Jazz Pharmaceuticals": add_funder("Jazz Pharmaceuticals", "Silver"),
        "Autolus": add_funder("Autolus", "Gold"),
        "Amgen": add_funder("Amgen", "Platinum"),
    }
    funders["Hippocrate Conference Institute"] = add_funder(
        "Hippocrate Conference Institute", disclosure_name=SEED_GRANT
    )
    return funders
