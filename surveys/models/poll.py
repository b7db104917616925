from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from hub_site.translation.fields import PAGE_TRANSLATABLE_FIELDS, synchronized, translated
from surveys.poll_flow import PollFlow

from .answer_record import AnswerRecord
from .tallies import PollVoteTally

MIN_CHOICES = 2
MAX_CHOICES = 8


class PollChoice(TranslatableMixin, Orderable):
    """One answer of a poll. Its translation key is the same in every language version,
    so votes from all of them are counted together."""

    page = ParentalKey("surveys.PollPage", on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("answer"), max_length=255)

    panels = [FieldPanel("label")]
    translatable_fields = [TranslatableField("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label


class PollPage(Page):
    """One question with two to eight answers; one vote per reader."""

    RESULTS_AFTER_VOTE = "after_vote"
    RESULTS_AFTER_CLOSE = "after_close"
    RESULTS_CHOICES = [
        (RESULTS_AFTER_VOTE, _("Right after the reader votes")),
        (RESULTS_AFTER_CLOSE, _("Only once the poll has closed")),
    ]

    question = models.CharField(_("question"), max_length=500)
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, help_text=_("Leave empty to open on publishing.")
    )
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, help_text=_("Leave empty to keep it open.")
    )
    results_shown = models.CharField(
        _("show results"),
        max_length=16,
        choices=RESULTS_CHOICES,
        default=RESULTS_AFTER_VOTE,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        InlinePanel("choices", label=_("Answers"), min_num=MIN_CHOICES, max_num=MAX_CHOICES),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("results_shown"),
            ],
            heading=_("Voting"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("question")]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        *translated("question", "choices"),
        *synchronized("opens_at", "closes_at", "results_shown"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("poll page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})

    @property
    def has_opened(self):
        return self.opens_at is None or self.opens_at <= timezone.now()

    @property
    def has_closed(self):
        return self.closes_at is not None and self.closes_at <= timezone.now()

    @property
    def is_open(self):
        return self.has_opened and not self.has_closed

    def results_visible(self, has_voted):
        if self.has_closed:
            return True
        return has_voted and self.results_shown == self.RESULTS_AFTER_VOTE

    def vote_counts(self, locale=None, article_key=None):
        """Votes per choice translation key, over every language version of this poll.

        Votes purged after the retention period count through their tallies; one query.
        """
        raw = PollVote.objects.filter(poll_key=self.translation_key).narrowed(locale, article_key)
        purged = PollVoteTally.objects.filter(poll_key=self.translation_key).narrowed(
            locale, article_key
        )
        rows = (
            raw.values_list("choice__translation_key")
            .annotate(votes=Count("pk"))
            .union(purged.values_list("choice_key").annotate(votes=Sum("votes")), all=True)
        )
        counts = Counter()
        for choice_key, votes in rows:
            counts[choice_key] += votes
        return dict(counts)

    def results(self, **filters):
        """This language version's choices with their vote counts and shares."""
        counts = self.vote_counts(**filters)
        total = sum(counts.values())
        rows = [
            PollResult(choice, counts.get(choice.translation_key, 0), total)
            for choice in self.choices.all()
        ]
        return rows, total

    def has_vote_from(self, respondent):
        """Whether ``respondent`` voted in this poll, in any language."""
        votes = PollVote.objects.filter(poll_key=self.translation_key, respondent=respondent)
        return votes.exists()

    def add_vote(self, choice, *, article, respondent, reader_language):
        return PollVote.objects.create(
            poll=self,
            poll_key=self.translation_key,
            choice=choice,
            article=article,
            locale_id=self.locale_id,
            respondent=respondent,
            reader_language=reader_language,
        )

    def serve(self, request, *args, **kwargs):
        return PollFlow(self).serve(request)

    def serve_preview(self, request, mode_name):
        return PollFlow(self).render(request)


class PollResult:
    def __init__(self, choice, votes, total):
        self.choice = choice
        self.votes = votes
        self.percent = round(100 * votes / total) if total else 0


class PollVote(AnswerRecord):
    """One reader's vote. Each vote is its own row, so counts stay exact under load."""

    poll = models.ForeignKey(
        PollPage, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="votes"
    )
    poll_key = models.UUIDField(_("poll translation key"), db_index=True)
    choice = models.ForeignKey(
        PollChoice, verbose_name=_("choice"), on_delete=models.CASCADE, related_name="votes"
    )
    created_at = models.DateTimeField(_("voted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [
            models.UniqueConstraint(fields=["poll_key", "respondent"], name="poll_vote_once"),
        ]

    def __str__(self):
        return f"{self.choice} ({self.locale})"
