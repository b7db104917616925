from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from articles.renditions import generate_reader_renditions
from hub_site.demo.articles import SEED_ARTICLE_SLUG, load_articles
from hub_site.demo.contributors import load_contributors
from hub_site.demo.fictional_answers import load_fictional_answers
from hub_site.demo.funders import load_funders
from hub_site.demo.gate import load_gate_copy
from hub_site.demo.glossary import load_glossary
from hub_site.demo.home import load_home
from hub_site.demo.learning import (
    add_quiz_and_programme,
    load_programme,
    load_quiz,
    measure_feedback_outcomes,
)
from hub_site.demo.notice import load_machine_translation_notice
from hub_site.demo.pages import load_pages
from hub_site.demo.surveys import feature_poll_on_article, load_surveys
from hub_site.demo.translations import load_translations
from hub_site.demo.users import load_users


class Command(BaseCommand):
    help = "Load the demo content built from the seed page. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        # First: demo pages are submitted and approved by these users (hub_site/demo/publishing.py).
        load_users()
        home = load_home()
        load_gate_copy()
        load_machine_translation_notice()
        load_pages(home)
        load_funders(home)
        survey, poll = load_surveys(home)
        measure_feedback_outcomes(survey)
        articles = load_articles(home)
        seed_article = articles.get_children().get(slug=SEED_ARTICLE_SLUG).specific
        feature_poll_on_article(poll, seed_article)
        quiz = load_quiz(home)
        add_quiz_and_programme(seed_article, quiz, load_programme(home))
        load_contributors(seed_article)
        load_glossary()
        # Last: the translations follow the English content loaded above.
        load_translations(home)
        # Readers answer on every language version: once they are all there.
        load_fictional_answers(seed_article, quiz=quiz, survey=survey, poll=poll)
        # Also when the content was already there: a reader's request never makes them.
        for page in Page.objects.live().specific():
            generate_reader_renditions(page)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
