"""Demo About, Privacy, Cookies and Support pages, and the home page's call to action."""

from home.models import StandardPage, SupportPage
from hub_site.demo.publishing import publish_reviewed

SUPPORT_HEADING = "Now you can support HCPs in making informed decisions for their patients"
SUPPORT_TEXT = (
    "Your contribution helps us continuously deliver expertly curated content to HCPs "
    "worldwide. You will also have the opportunity to make a content suggestion for "
    "consideration and receive updates on the impact contributions are making to our content."
)
SUPPORT_LINK_TEXT = "Find out more"
EDITORS_ADDRESS = "editors@example.com"

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About",
        "intro": "The ALL Hub is an independent medical education platform for healthcare "
        "professionals caring for patients with acute lymphoblastic leukemia.",
        "body": "<p>Our editors curate the latest clinical developments, reviewed by medical "
        "experts before publication. Our funders are allowed no direct influence on our "
        "content.</p>",
        "open_to_public": False,
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "intro": "How we handle the personal data you share with us.",
        "body": "<p>When you send the support form, we store your answers. We keep your email "
        "address only if you agree to receive updates on the impact of contributions, and we "
        "record when you agreed and the wording you agreed to.</p>",
        "open_to_public": True,
    },
    {
        "slug": "cookies",
        "title": "Cookies",
        "intro": "The cookies this site sets and why.",
        # Every cookie the site sets (tests/privacy/test_cookie_page.py compares this list
        # with what a reader's browser receives): name in bold, then purpose and lifetime.
        "body": "<p>This site sets only the cookies it needs to work. None is used for "
        "advertising or tracking, and none is shared with anyone.</p><ul>"
        "<li><b>hcp_confirmed</b>: remembers that you confirmed you are a healthcare "
        "professional, so the confirmation is not asked on every page. Lasts 30 days.</li>"
        "<li><b>hub_edge_pass</b>: lets our cache servers check that confirmation quickly, "
        "so pages load faster; it holds only when the confirmation ends, signed so that it "
        "cannot be altered. Ends with the confirmation.</li>"
        "<li><b>hub_reader</b>: set when you answer a survey or a poll, so the same browser "
        "answers only once and is shown its answers; it holds a random identifier, not your "
        "name or address, signed so that it cannot be altered. Lasts until you close your "
        "browser, and never more than eight hours.</li>"
        "<li><b>hub_notice</b>: set when you answer a survey or a poll, so the page you are "
        "sent back to thanks you once; that page deletes it. Signed so that it cannot be "
        "altered. Lasts ten minutes at most.</li>"
        "<li><b>csrftoken</b>: protects the confirmation and the support form against "
        "forgery by other sites. Lasts one year.</li>"
        "<li><b>django_language</b>: remembers a language you chose with a language form. "
        "Lasts until you close your browser.</li></ul>",
        "open_to_public": True,
    },
]


def ensure_child_page(parent, model, slug, **fields):
    """The published child of ``parent`` with this slug, created or updated to ``fields``.

    A page that already has these values is left alone, so running the demo again creates
    no revision.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        publish_reviewed(page.save_revision())
        return page
    changed = {name: value for name, value in fields.items() if getattr(page, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(page, name, value)
        publish_reviewed(page.save_revision())
    return page


def load_pages(home):
    for fields in STANDARD_PAGES:
        ensure_child_page(home, StandardPage, show_in_menus=True, **fields)
    support = ensure_child_page(
        home,
        SupportPage,
        slug="support",
        title="Support",
        intro=f"<p>{SUPPORT_TEXT}</p>",
        thank_you_text="<p>Thank you for supporting HCPs in making informed decisions for "
        "their patients.</p>",
        to_address=EDITORS_ADDRESS,
        subject="New support form submission",
        show_in_menus=True,
    )
    cta = {
        "support_heading": SUPPORT_HEADING,
        "support_text": SUPPORT_TEXT,
        "support_link_text": SUPPORT_LINK_TEXT,
        "support_page_id": support.pk,
    }
    if any(getattr(home, name) != value for name, value in cta.items()):
        for name, value in cta.items():
            setattr(home, name, value)
        publish_reviewed(home.save_revision())
    return support
