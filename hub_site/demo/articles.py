"""Demo articles: the seed article, clearly fictional companions, topics and placeholder images.

Every step looks its object up first and saves only what differs, so running it again
creates no rows and no revisions.
"""

import copy
import datetime
import io
import json
from html import escape

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection

from articles.models import ArticleIndexPage, ArticlePage, ArticlePageTopic, Topic
from hub_site.demo.publishing import publish_reviewed

DEMO_COLLECTION = "Demo"
PLACEHOLDER_SIZE = (1200, 630)

TOPICS = {
    "transplantation": "Transplantation",
    "mrd": "MRD",
    "aya": "AYA",
    "immunotherapy": "Immunotherapy",
    "supportive-care": "Supportive care",
}

# Each placeholder: (title, label drawn on it, background colour). White text on these
# colours has a contrast ratio above 4.5:1.
PLACEHOLDERS = {
    "transplant": ("Demo placeholder: transplantation", "Transplantation", "#0b5563"),
    "mrd": ("Demo placeholder: MRD", "MRD", "#5b3a8c"),
    "aya": ("Demo placeholder: AYA", "AYA", "#8a3b12"),
    "immunotherapy": ("Demo placeholder: immunotherapy", "Immunotherapy", "#1f5f2e"),
    "supportive-care": ("Demo placeholder: supportive care", "Supportive care", "#7a2348"),
    "figure": ("Demo placeholder: figure", "Figure (demo)", "#3d4a57"),
}

INDEX = {
    "slug": "articles",
    "title": "Articles",
    "intro": "Summaries of new research in acute lymphoblastic leukemia, newest first.",
    "search_description": (
        "Summaries of new research in acute lymphoblastic leukemia for healthcare professionals."
    ),
}

# The seed page's article, word for word (with its non-breaking spaces).
SEED_LEARNING_OBJECTIVE = (
    "After reading this article, learners will be able to cite a new clinical development "
    "in acute lymphoblastic leukemia."
)
SEED_RESULTS = (
    "Results from a dual-center, retrospective study assessing outcomes in 164\u00a0adolescents "
    "and young adults (AYAs) aged 15–40 years with acute lymphoblastic leukemia (ALL) who "
    "underwent\u00a0allogeneic hematopoietic stem cell transplantation (allo-HSCT) in second "
    "complete remission (CR2) between 2010 and 2022 were recently published in the\u00a0American "
    "Journal of Hematology by Pasvolsky et al."
)
SEED_KEY_DATA = (
    "At median follow-up of 36 months, 3-year overall survival (OS) and progression-free "
    "survival (PFS) were 53% and 46%, respectively. The 3-year cumulative incidences of "
    "relapse and non relapse mortality (NRM) were 36% and 18%, respectively. Allo-HSCT-specific "
    "comorbidity index >3 was independently associated with inferior OS, PFS, and higher NRM. "
    "Measurable residual disease (MRD) positivity predicted worse PFS (hazard ratio [HR], 2.7; "
    "95% confidence interval [CI], 1.5–4.8; p\u00a0<\u00a00.001) and higher relapse risk "
    "(HR, 2.8; 95% CI, 1.4–5.6; p\u00a0=\u00a00.004) but not OS."
)
SEED_KEY_LEARNING = (
    "Allo-HSCT in CR2 remains a curative option for AYA patients with ALL, with outcomes "
    "influenced by pretransplant MRD status and comorbidities, supporting the need for "
    "risk-adapted transplant strategies."
)

FICTIONAL_NOTICE = (
    "Fictional demo content: this article, its numbers and its sources are invented to show "
    "how the site works. It is not medical information."
)


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def _reference(authors, title, journal="", year=None, volume="", pages="", doi="", pmid="", url=""):
    return {
        "type": "reference",
        "value": {
            "authors": authors,
            "title": title,
            "journal": journal,
            "year": year,
            "volume": volume,
            "pages": pages,
            "doi": doi,
            "pmid": pmid,
            "url": url,
        },
    }


def _fictional_reference(title):
    return _reference(
        "Example A, Sample B",
        f"{title} (fictional reference for the demo)",
        journal="Journal of Demo Content",
        year=2025,
        volume="1(1)",
        pages="1-2",
    )


def _fictional(slug, title, date, topics, image, summary, objective, key_data, key_learning, body):
    return {
        "slug": slug,
        "title": f"Fictional demo: {title}",
        "date": date,
        "topics": topics,
        "image": image,
        "learning_objective": objective,
        "summary": f"{summary} {FICTIONAL_NOTICE}",
        "search_description": f"Fictional demo article: {title}.",
        "key_data": f"<p>{escape(key_data)}</p>",
        "key_learning": f"<p>{escape(key_learning)}</p>",
        "body": [
            {
                "type": "callout",
                "value": {
                    "tone": "caution",
                    "heading": "",
                    "text": f"<p>{escape(FICTIONAL_NOTICE)}</p>",
                },
            },
            *body,
        ],
        "references": [_fictional_reference(title)],
    }


SEED_ARTICLE_SLUG = "allo-hsct-cr2-ayas-with-all-dual-center-study"

ARTICLES = [
    {
        "slug": SEED_ARTICLE_SLUG,
        "title": "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study",
        "date": datetime.date(2025, 10, 24),
        "topics": ["transplantation", "mrd", "aya"],
        "image": "transplant",
        "learning_objective": SEED_LEARNING_OBJECTIVE,
        "summary": SEED_RESULTS,
        "search_description": (
            "Outcomes of allogeneic HSCT in second complete remission for adolescents and "
            "young adults with ALL, from a dual-center retrospective study."
        ),
        "key_data": f"<p>{escape(SEED_KEY_DATA)}</p>",
        "key_learning": f"<p>{escape(SEED_KEY_LEARNING)}</p>",
        "body": [],
        # The seed names the authors, journal and year; the DOI and PubMed ID are left for an
        # editor to add rather than guessed.
        "references": [
            _reference(
                "Pasvolsky O, et al",
                "Allogeneic hematopoietic stem cell transplantation in second complete "
                "remission for adolescents and young adults with acute lymphoblastic leukemia: "
                "a dual-center study",
                journal="American Journal of Hematology",
                year=2025,
                url="https://onlinelibrary.wiley.com/journal/10968652",
            )
        ],
    },
    _fictional(
        "mrd-guided-consolidation-simulated-cohort",
        "MRD-guided consolidation in a simulated adult cohort",
        datetime.date(2025, 10, 10),
        ["mrd", "immunotherapy"],
        "mrd",
        "An imaginary cohort of 120 adults is used to show how MRD results might steer "
        "consolidation choices.",
        "After reading this article, learners will be able to describe how an MRD result could "
        "inform a consolidation decision in a made-up scenario.",
        "In the simulated cohort, 68% of patients were MRD-negative after induction.",
        "MRD status is a practical, repeatable signal for tailoring consolidation.",
        [
            {"type": "heading", "value": {"text": "Simulated results", "level": "h2"}},
            {
                "type": "table",
                "value": {
                    # Wagtail stores tables with the header choice the editor made.
                    "table_header_choice": "both",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": "Invented outcomes by MRD status",
                    "data": [
                        ["MRD status", "Patients", "2-year relapse"],
                        ["Negative", "82", "12%"],
                        ["Positive", "38", "41%"],
                    ],
                },
            },
        ],
    ),
    _fictional(
        "supportive-care-checklist-aya-induction",
        "A supportive care checklist for AYAs during induction",
        datetime.date(2025, 9, 26),
        ["aya", "supportive-care"],
        "supportive-care",
        "A made-up checklist shows how teams might organise supportive care for adolescents "
        "and young adults starting induction.",
        "After reading this article, learners will be able to list supportive care topics to "
        "discuss with AYAs before induction.",
        "The imaginary checklist has 12 items across infection, nutrition and psychosocial care.",
        "A shared checklist helps no supportive care topic get forgotten.",
        [
            {
                "type": "quote",
                "value": {
                    "quote": "A checklist is only useful if the whole team uses it.",
                    "attribution": "An invented nurse specialist",
                },
            },
            _paragraph("Each item on the checklist links to a local guideline."),
        ],
    ),
    _fictional(
        "donor-selection-trends-hypothetical-registry",
        "Donor selection trends in a hypothetical transplant registry",
        datetime.date(2025, 9, 12),
        ["transplantation"],
        "transplant",
        "A hypothetical registry is used to illustrate how donor types could change over a decade.",
        "After reading this article, learners will be able to name the donor types compared in "
        "a made-up registry.",
        "In the hypothetical registry, haploidentical donors rose from 10% to 35% of transplants.",
        "Donor availability shapes who can be offered transplant in second remission.",
        [
            {"type": "heading", "value": {"text": "Donor types", "level": "h2"}},
            _paragraph(
                "Matched sibling, matched unrelated and haploidentical donors are compared."
            ),
            {
                "type": "image",
                "value": {
                    "image": "figure",
                    "alt_text": "A grey placeholder panel labelled 'Figure (demo)'.",
                    "caption": "Figure 1. A placeholder where a chart would be.",
                },
            },
        ],
    ),
    _fictional(
        "bispecific-bridging-before-transplant-case-series",
        "Bispecific antibody bridging before transplant, a made-up case series",
        datetime.date(2025, 8, 29),
        ["immunotherapy", "transplantation"],
        "immunotherapy",
        "Five invented cases illustrate bridging with a bispecific antibody before "
        "allogeneic transplant.",
        "After reading this article, learners will be able to outline a bridging strategy "
        "described in an invented case series.",
        "Four of the five invented patients reached transplant MRD-negative.",
        "Bridging aims to bring patients to transplant with the lowest possible disease burden.",
        [_paragraph("The cases are composites written for the demo.")],
    ),
    _fictional(
        "fertility-counselling-ayas-imaginary-survey",
        "Fertility counselling for AYAs with ALL, an imaginary survey",
        datetime.date(2025, 8, 15),
        ["aya"],
        "aya",
        "An imaginary survey of 200 clinicians asks when fertility is discussed with "
        "adolescents and young adults.",
        "After reading this article, learners will be able to state when fertility "
        "counselling was offered in a made-up survey.",
        "In the imaginary survey, 61% of clinicians discussed fertility before treatment started.",
        "Fertility counselling belongs at diagnosis, before the first dose of treatment.",
        [_paragraph("Respondents were invented for the demo; no survey took place.")],
    ),
    _fictional(
        "comparing-mrd-assays-synthetic-dataset",
        "Comparing MRD assays in a synthetic dataset",
        datetime.date(2025, 8, 1),
        ["mrd"],
        "mrd",
        "A synthetic dataset compares flow cytometry and sequencing for measuring residual "
        "disease.",
        "After reading this article, learners will be able to compare two MRD methods in a "
        "synthetic example.",
        "In the synthetic data, sequencing detected residual disease in 9% more samples.",
        "More sensitive MRD assays find disease that less sensitive ones miss.",
        [
            {
                "type": "callout",
                "value": {
                    "tone": "key-point",
                    "heading": "",
                    "text": "<p>Sensitivity thresholds differ between assays.</p>",
                },
            }
        ],
    ),
]


def load_articles(home):
    """Create or update the article index, its topics, images and demo articles."""
    images = {key: _placeholder_image(*spec) for key, spec in PLACEHOLDERS.items()}
    topics = {slug: _topic(home.locale, slug, name) for slug, name in TOPICS.items()}
    index = _article_index(home)
    for spec in ARTICLES:
        _article(index, spec, topics, images)
    return index


def _demo_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DEMO_COLLECTION).first()
    return collection or root.add_child(name=DEMO_COLLECTION)


def _placeholder_image(title, label, colour):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    canvas = PillowImage.new("RGB", PLACEHOLDER_SIZE, colour)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=72)
    centre = (PLACEHOLDER_SIZE[0] // 2, PLACEHOLDER_SIZE[1] // 2)
    draw.text(centre, label, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title, collection=_demo_collection())
    image.file = ImageFile(buffer, name=f"demo-{slugify(label)}.png")
    image.save()
    return image


def _topic(locale, slug, name):
    topic = Topic.objects.filter(locale=locale, slug=slug).first()
    if topic and topic.name == name and topic.live:
        return topic
    topic = topic or Topic(locale=locale, slug=slug)
    topic.name = name
    topic.save()
    topic.save_revision().publish()
    return topic


def _article_index(home):
    index = ArticleIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = home.add_child(instance=ArticleIndexPage(**INDEX))
    elif all(getattr(index, field) == value for field, value in INDEX.items()) and index.live:
        return index
    for field, value in INDEX.items():
        setattr(index, field, value)
    publish_reviewed(index.save_revision())
    return index


def _stream_json(blocks, images):
    """Stream data as stored, with image keys replaced by the placeholder images' ids."""
    resolved = []
    for block in blocks:
        value = copy.deepcopy(block["value"])
        if block["type"] == "image":
            value = {**value, "image": images[value["image"]].pk}
        resolved.append({"type": block["type"], "value": value})
    return resolved


def _stored_stream(stream_value):
    return [{"type": block["type"], "value": block["value"]} for block in stream_value.raw_data]


def _article(index, spec, topics, images):
    fields = {
        "title": spec["title"],
        "date": spec["date"],
        "learning_objective": spec["learning_objective"],
        "summary": spec["summary"],
        "search_description": spec["search_description"],
        "key_data": spec["key_data"],
        "key_learning": spec["key_learning"],
        "featured_image_id": images[spec["image"]].pk,
    }
    streams = {
        "body": _stream_json(spec["body"], images),
        "references": _stream_json(spec["references"], images),
    }
    topic_ids = [topics[slug].pk for slug in spec["topics"]]

    article = ArticlePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if article and article.live and _unchanged(article, fields, streams, topic_ids):
        return article

    article = article or ArticlePage(slug=spec["slug"])
    for field, value in fields.items():
        setattr(article, field, value)
    for field, value in streams.items():
        setattr(article, field, json.dumps(value))
    article.topic_links = [
        ArticlePageTopic(topic_id=topic_id, sort_order=order)
        for order, topic_id in enumerate(topic_ids)
    ]
    if article.pk is None:
        index.add_child(instance=article)
    publish_reviewed(article.save_revision())
    return article


def _unchanged(article, fields, streams, topic_ids):
    return (
        all(getattr(article, field) == value for field, value in fields.items())
        and all(
            _stored_stream(getattr(article, field)) == value for field, value in streams.items()
        )
        and [link.topic_id for link in article.topic_links.all()] == topic_ids
    )
