"""Everything held for one e-mail address: found, exported as JSON, erased.

Readers give an address only on the support form (stored as Wagtail form submissions, with
their consent's time and wording). An editor may also have built a survey question of the
e-mail type, and a staff login attempt may have used an address as its user name: those
are found too. Staff accounts are listed in the export but never erased from here (a site
manager removes an account under Users). Survey responses and votes carry no address.
"""

import json
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log

from home.models import PersonalDataErasure
from surveys.models import SurveyResponse

ERASED_ACTION = "home.personal_data_erased"
HASH_SALT = "home.personal_data.address"


def normalise(address):
    return address.strip().casefold()


def address_hash(address):
    """A keyed hash of the address: lets the audit log name a request without the address."""
    return salted_hmac(HASH_SALT, normalise(address), algorithm="sha256").hexdigest()


def _holds(form_data, address):
    return any(isinstance(v, str) and normalise(v) == address for v in form_data.values())


def _submissions_holding(queryset, address):
    """Submissions with the address as one of their answers (any question, any case)."""
    if address.isascii():
        # Narrow in the database; the exact match is checked on each answer below. (A
        # non-ASCII address may be stored \u-escaped, so those are checked one by one.)
        queryset = queryset.filter(form_data__icontains=address)
    return [s for s in queryset.iterator() if _holds(s.form_data, address)]


@dataclass
class HeldData:
    address: str
    form_submissions: list
    survey_responses: list
    login_attempts: list
    login_failures: list
    staff_accounts: list

    @classmethod
    def find(cls, address):
        address = normalise(address)
        return cls(
            address=address,
            form_submissions=_submissions_holding(
                FormSubmission.objects.select_related("page").order_by("submit_time"), address
            ),
            survey_responses=_submissions_holding(
                SurveyResponse.objects.select_related("page").order_by("submit_time"), address
            ),
            login_attempts=list(AccessAttempt.objects.filter(username__iexact=address)),
            login_failures=list(AccessFailureLog.objects.filter(username__iexact=address)),
            staff_accounts=list(get_user_model().objects.filter(email__iexact=address)),
        )

    def erasable_counts(self):
        return {
            "form_submissions": len(self.form_submissions),
            "survey_responses": len(self.survey_responses),
            "login_attempts": len(self.login_attempts),
            "login_failures": len(self.login_failures),
        }

    @property
    def login_records(self):
        return len(self.login_attempts) + len(self.login_failures)

    @property
    def erasable(self):
        return sum(self.erasable_counts().values())

    def as_export(self):
        def submission(s):
            return {
                "form": s.page.title,
                "form_url": s.page.full_url,
                "submitted_at": s.submit_time,
                "answers": s.form_data,
            }

        def attempt(a):
            return {"user_name": a.username, "time": a.attempt_time, "path": a.path_info}

        return {
            "email": self.address,
            "exported_at": timezone.now(),
            "support_form_submissions": [submission(s) for s in self.form_submissions],
            "survey_responses": [submission(s) for s in self.survey_responses],
            "staff_login_attempts": [attempt(a) for a in self.login_attempts],
            "staff_login_failures": [attempt(a) for a in self.login_failures],
            "staff_accounts": [
                {
                    "user_name": user.get_username(),
                    "name": user.get_full_name(),
                    "email": user.email,
                    "joined": user.date_joined,
                    "last_login": user.last_login,
                }
                for user in self.staff_accounts
            ],
        }

    def as_json(self):
        return json.dumps(self.as_export(), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)

    @transaction.atomic
    def erase(self, user):
        """Delete what was found and record it in the audit log by hash and counts."""
        counts = self.erasable_counts()
        for rows in (
            self.form_submissions,
            self.survey_responses,
            self.login_attempts,
            self.login_failures,
        ):
            if rows:
                type(rows[0]).objects.filter(pk__in=[row.pk for row in rows]).delete()
        erasure = PersonalDataErasure.objects.create(
            address_hash=address_hash(self.address), erased_by=user, counts=counts
        )
        log(
            erasure,
            ERASED_ACTION,
            user=user,
            data={"address_hash": erasure.address_hash, "erased": counts},
        )
        return counts
