from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataErasure(models.Model):
    """One erasure of what was held for an e-mail address (home/personal_data.py).

    The address itself is not kept: a keyed hash of it lets a later request be matched to
    this record. Wagtail's audit log records each erasure against its row. The model also
    carries the permission that opens the admin view, so who may see and erase readers'
    personal data is one permission check.
    """

    address_hash = models.CharField(_("address hash"), max_length=64, db_index=True)
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    counts = models.JSONField(_("records erased, by kind"), default=dict)

    class Meta:
        default_permissions = ()
        permissions = [("manage_personal_data", _("Can export and erase readers' personal data"))]
        verbose_name = _("personal data erasure")
        verbose_name_plural = _("personal data erasures")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.address_hash[:12]}"
