import logging
from smtplib import SMTPException

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.forms import SupportForm
from hub_site.security.ratelimit import over_limit, too_many_requests
from hub_site.translation.fields import SAME_SLUG_PAGE_FIELDS, synchronized, translated

logger = logging.getLogger(__name__)


class SupportPage(AbstractEmailForm):
    """The support form: contribution interest, a content suggestion, impact updates.

    Its fields are fixed in code (``SupportForm``) rather than built by editors, because the
    rule "an email address only with explicit consent" must hold whatever editors change.
    Submissions are stored as Wagtail form submissions (listed and exported under Forms) and
    emailed to ``to_address``.
    """

    intro = RichTextField(_("intro"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, help_text=_("Shown after a reader sends the form.")
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Email notification"),
        ),
    ]
    translatable_fields = [
        *SAME_SLUG_PAGE_FIELDS,
        *translated("intro", "thank_you_text", "subject"),
        *synchronized("to_address", "from_address"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("support page")

    def get_form_class(self):
        return SupportForm

    def get_data_fields(self):
        return [("submit_time", _("Submission date")), *SupportForm.DATA_FIELDS]

    def process_form_submission(self, form):
        submission = FormSubmission.objects.create(
            form_data=form.submission_data(timezone.now()), page=self
        )
        if self.to_address:
            self.notify_editors(submission)
        return submission

    def notify_editors(self, submission):
        """Email the stored submission; a mail failure is logged and the submission stays."""
        # Editors read the notification in the site's default language; the answers (the
        # consent wording included) stay in the reader's.
        with translation.override(settings.LANGUAGE_CODE):
            subject = self.subject or gettext("New support form submission")
            body = self.render_notification(submission)
        recipients = [address.strip() for address in self.to_address.split(",")]
        try:
            send_mail(subject, body, recipients, self.from_address)
        except (SMTPException, OSError):
            logger.exception("Could not email support form submission %s", submission.pk)

    def render_notification(self, submission):
        data = submission.get_data()
        lines = [f"{label}: {data.get(key, '')}" for key, label in self.get_data_fields()]
        listing = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailforms:list_submissions", args=[self.pk]
        )
        lines += ["", gettext("All submissions: %(url)s") % {"url": listing}]
        return "\n".join(lines)

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and over_limit(request, "support_form"):
            return too_many_requests(request, "support_form")
        response = super().serve(request, *args, **kwargs)
        if request.method == "POST" and "form" in response.context_data:
            # Wagtail re-renders the form when it has errors: say so in the status too.
            response.status_code = 400
        return response
