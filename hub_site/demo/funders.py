"""The seed's five funders: four sponsors at levels in the seed's order and one grant.

Their logos are generated with Pillow (a plain panel with the funder's name), never
downloaded.
"""

from io import BytesIO

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection

from home.models import FunderIndexPage, FunderPage, FundingType, SponsorshipLevel
from hub_site.demo.pages import ensure_child_page

LEVELS = [("Platinum", 1), ("Gold", 2), ("Silver", 3), ("Bronze", 4)]
FUNDERS = [
    {
        "title": "Amgen",
        "website": "https://www.amgen.com/",
        "level": "Platinum",
        "short_description": "A biotechnology company developing medicines for serious illnesses.",
        "colour": (0, 99, 166),
    },
    {
        "title": "Autolus",
        "website": "https://www.autolus.com/",
        "level": "Gold",
        "short_description": "A biopharmaceutical company developing T cell therapies.",
        "colour": (92, 45, 145),
    },
    {
        "title": "Jazz Pharmaceuticals",
        "website": "https://www.jazzpharma.com/",
        "level": "Silver",
        "short_description": "A biopharmaceutical company focused on oncology and neuroscience.",
        "colour": (0, 112, 96),
    },
    {
        "title": "Pfizer",
        "website": "https://www.pfizer.com/",
        "level": "Bronze",
        "short_description": "A research-based biopharmaceutical company.",
        "colour": (0, 84, 160),
    },
    {
        "title": "Hippocrate Conference Institute",
        "disclosure_name": "the Hippocrate Conference Institute, an association of the "
        "Servier Group",
        "short_description": "An association of the Servier Group supporting independent "
        "medical education.",
        "colour": (150, 40, 50),
    },
]
LOGO_SIZE = (480, 240)


def demo_collection():
    collection = Collection.objects.filter(name="Demo").first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name="Demo")
    return collection


def logo_png(name, colour):
    """A plain panel in ``colour`` with the name in white, wrapped to fit."""
    panel = PillowImage.new("RGB", LOGO_SIZE, colour)
    draw = ImageDraw.Draw(panel)
    font = ImageFont.load_default(size=40)
    lines, line = [], ""
    for word in name.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > LOGO_SIZE[0] - 40:
            lines.append(line)
            candidate = word
        line = candidate
    lines.append(line)
    draw.multiline_text(
        (LOGO_SIZE[0] / 2, LOGO_SIZE[1] / 2),
        "\n".join(lines),
        font=font,
        fill="white",
        anchor="mm",
        align="center",
    )
    buffer = BytesIO()
    panel.save(buffer, format="PNG")
    return buffer


def ensure_logo(name, colour, collection):
    Image = get_image_model()
    title = f"{name} logo"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(
            title=title,
            description=title,
            collection=collection,
            file=ImageFile(logo_png(name, colour), name=f"{slugify(name)}-logo.png"),
        )
        image.save()
        # Wagtail's upload form records the size and the hash (its duplicate check reads it).
        image.get_file_size()
        image.get_file_hash()
    return image


def ensure_levels(locale):
    levels = {}
    for name, rank in LEVELS:
        level = SponsorshipLevel.objects.filter(locale=locale, name=name).first()
        if level is None:
            level = SponsorshipLevel.objects.create(locale=locale, name=name, rank=rank)
        elif level.rank != rank:
            level.rank = rank
            level.save(update_fields=["rank"])
        levels[name] = level
    return levels


def load_funders(home):
    levels = ensure_levels(home.locale)
    collection = demo_collection()
    index = ensure_child_page(
        home,
        FunderIndexPage,
        slug="funders",
        title="Funders",
        intro="<p>The organisations that fund our work, listed by level of sponsorship.</p>",
        search_description="The organisations that fund The ALL Hub, by level of sponsorship.",
    )
    for funder in FUNDERS:
        level = levels.get(funder.get("level"))
        ensure_child_page(
            index,
            FunderPage,
            slug=slugify(funder["title"]),
            title=funder["title"],
            funding_type=FundingType.SPONSOR if level else FundingType.EDUCATIONAL_GRANT,
            level=level,
            disclosure_name=funder.get("disclosure_name", ""),
            website=funder.get("website", ""),
            short_description=funder["short_description"],
            search_description="A funder of The ALL Hub.",
            logo=ensure_logo(funder["title"], funder["colour"], collection),
        )
    return index
