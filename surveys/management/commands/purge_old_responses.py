from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from surveys.retention import count_old, cutoff_for, purge_old_responses


class Command(BaseCommand):
    help = (
        "Delete survey responses, poll votes and support-form submissions older than "
        "RESPONSE_RETENTION_DAYS, keeping survey and poll counts as tallies, and unlink older "
        "quiz attempts from their readers. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention period in days (default: the RESPONSE_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say what would be deleted."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.RESPONSE_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        purge = count_old(cutoff_for(days)) if dry_run else purge_old_responses(days)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {purge.survey_responses} survey responses, {purge.poll_votes} poll votes "
            f"and {purge.form_submissions} support-form submissions from before "
            f"{purge.cutoff:%Y-%m-%d %H:%M} UTC (retention {days} days); "
            f"{'would unlink' if dry_run else 'unlinked'} the quiz attempts of "
            f"{purge.quiz_readers_unlinked} readers."
        )
