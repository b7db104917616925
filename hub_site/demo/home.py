from wagtail.models import Site

from home.models import HomePage
from hub_site.demo.publishing import publish_reviewed

SITE_NAME = "The ALL Hub"
HOME_INTRO = (
    "An independent medical education platform for healthcare professionals "
    "caring for patients with acute lymphoblastic leukemia."
)
HOME_SEARCH_DESCRIPTION = (
    "Independent medical education for healthcare professionals caring for patients with "
    "acute lymphoblastic leukemia."
)


def load_home():
    """Name the default site and fill in its home page."""
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(pk=site.root_page_id)
    if site.site_name != SITE_NAME:
        site.site_name = SITE_NAME
        site.save(update_fields=["site_name"])
    fields = {
        "title": SITE_NAME,
        "intro": HOME_INTRO,
        "search_description": HOME_SEARCH_DESCRIPTION,
    }
    if any(getattr(home, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(home, name, value)
        publish_reviewed(home.save_revision())
    return home
