"""Daily: e-mails before certificates' review-by dates, and the expiry action after them
(hub_site/certification/expiry.py). Running it again the same day does nothing again."""

import argparse
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hub_site.certification import expiry

OUTCOME_DONE = {
    expiry.Outcome.NOTIFIED: "",
    expiry.Outcome.UNPUBLISHED: "unpublished",
    expiry.Outcome.KEPT_WITH_NOTICE: "kept live with the review notice",
    expiry.Outcome.KEPT_LEGACY: "kept live (legacy record)",
}
OUTCOME_PLANNED = {
    expiry.Outcome.NOTIFIED: "",
    expiry.Outcome.UNPUBLISHED: "would unpublish",
    expiry.Outcome.KEPT_WITH_NOTICE: "would keep live with the review notice",
    expiry.Outcome.KEPT_LEGACY: "would keep live (legacy record)",
}


def day(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-12-31") from None


def names(people):
    return ", ".join(person.get_username() for person in people) or "nobody (no address found)"


class Command(BaseCommand):
    help = (
        "E-mail the owner and reviewers of live pages whose certificate is due for renewal "
        "(30 and 7 days before its review-by date, and after it), and take the site's "
        "expiry action (unpublish, or keep live with a notice) on expired certificates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be sent and done; send and change nothing.",
        )
        parser.add_argument(
            "--today",
            type=day,
            help="Act as on this day (YYYY-MM-DD), to catch up on a missed day or rehearse "
            "one ahead. Readers' notices follow the real date.",
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        today = today or timezone.localdate()
        steps = expiry.steps_due(today)
        failed = 0
        for step in steps:
            certificate = step.certificate
            label = (
                f"{certificate.reference_code or 'legacy record'} “{step.page.title}” "
                f"({certificate.locale}, page {step.page.pk}): "
                f"{expiry.Kind(step.kind).label.lower()}, review by {certificate.review_by}"
            )
            if step.record is not None:
                label += " (e-mails the last run could not send)"
            if dry_run:
                planned = OUTCOME_PLANNED[step.outcome] if step.record is None else ""
                people = expiry.recipients(step.page, certificate)
                done = "; ".join(filter(None, [planned, f"would e-mail {names(people)}"]))
                self.stdout.write(f"[dry run] {label} — {done}")
                continue
            result = expiry.carry_out(step, today)
            if result.done_alongside:
                self.stdout.write(f"{label} — done by a run alongside this one")
                continue
            if result.mail_error is not None:
                failed += 1
                self.stderr.write(f"{label} — e-mails not sent: {result.mail_error}")
                continue
            done = "; ".join(
                filter(None, [OUTCOME_DONE[result.outcome], f"e-mailed {names(result.told)}"])
            )
            self.stdout.write(f"{label} — {done}")
        if not steps:
            self.stdout.write(f"Nothing due on {today}.")
        if failed:
            # Cron and systemd report a failing run; the next run sends what is missing.
            raise CommandError(f"{failed} notice(s) could not be e-mailed; the next run retries.")
