"""A poll's votes: once per reader, between its opening and closing (``surveys.answer_flow``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hub_site.freshness import changes_at
from surveys.answer_flow import OPEN, AnswerFlow
from surveys.durability import commit_without_waiting_for_the_disk
from surveys.forms import PollVoteForm


class PollFlow(AnswerFlow):
    body_template = "surveys/includes/poll_body.html"
    part_url_name = "surveys:poll_reader_part"
    invalid_message = _("Your vote was not counted. Please choose one of the answers.")

    @property
    def anchor(self):
        return f"poll-{self.page.pk}"

    def target(self, article):
        # One vote per reader, whichever article they voted on.
        return f"poll:{self.page.translation_key}"

    def action(self, request):
        return reverse("surveys:poll_vote", args=[self.page.pk])

    def form(self, request, data=None, files=None):
        return PollVoteForm(self.page, data)

    def has_answered(self, article, respondent):
        return self.page.has_vote_from(respondent)

    def store(self, form, **answer):
        commit_without_waiting_for_the_disk()
        self.page.add_vote(form.cleaned_data["choice"], **answer)

    def why_closed(self):
        if self.page.is_open:
            return None
        if self.page.has_closed:
            return _("This poll has closed.")
        return _("This poll is not open yet.")

    def kind_context(self, request, state, form, article):
        poll = self.page
        # A cached copy of this page must not outlive the poll's opening or closing.
        changes_at(request, poll.opens_at)
        changes_at(request, poll.closes_at)
        voted = state != OPEN
        results, total = poll.results() if poll.results_visible(voted) else (None, 0)
        return {"poll": poll, "voted": voted, "results": results, "total": total}
