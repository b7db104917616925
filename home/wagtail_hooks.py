from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import SponsorshipLevel


class SponsorshipLevelViewSet(SnippetViewSet):
    model = SponsorshipLevel
    icon = "pick"
    menu_label = _("Sponsorship levels")
    list_display = ["name", "rank"]
    ordering = ["rank"]


register_snippet(SponsorshipLevelViewSet)
