from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import register_setting

from hub_site.model_fields import optional_link
from hub_site.page_chooser import LocalePageChooserPanel
from hub_site.site_settings import RememberedSiteSetting


@register_setting(icon="form")
class SurveySettings(RememberedSiteSetting):
    default_feedback_survey = optional_link(
        "surveys.SurveyPage",
        _("default feedback survey"),
        help_text=_(
            "Shown at the foot of every article that does not choose a survey of its own. "
            "Readers see its translation in their language."
        ),
    )

    # Articles show the default survey: it comes with the settings, in one query.
    select_related = ["default_feedback_survey"]

    # A chooser that opens at the home page holding the surveys, where Wagtail's would open
    # at the root (hub_site/page_chooser.py).
    panels = [LocalePageChooserPanel("default_feedback_survey", "surveys.SurveyPage")]

    class Meta:
        verbose_name = _("surveys")
