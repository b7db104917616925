from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub_site.translation.models import MachineTranslationNotice


class MachineTranslationNoticeViewSet(SnippetViewSet):
    model = MachineTranslationNotice
    icon = "info-circle"
    menu_label = _("Machine translation notice")
    list_display = ["text", "locale"]


register_snippet(MachineTranslationNoticeViewSet)
