from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub_site.gate.models import GateCopy


class GateCopyViewSet(SnippetViewSet):
    model = GateCopy
    icon = "lock"
    menu_label = _("HCP gate copy")
    list_display = ["heading", "patient_site_name", "patient_site_url"]


register_snippet(GateCopyViewSet)
