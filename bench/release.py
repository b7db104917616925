"""Time to live of a language release: one page's correction in six languages at once.

In a fresh test database (Django's test utilities, on the database settings in force:
SQLite by default, PostgreSQL when ``DATABASE_URL`` names it), brings Spanish, French,
German, Italian and Portuguese into use through the admin, and publishes one English
standard page (title, intro and a rich-text body: ``--segments`` segments in all)
translated into the five, all live. Then, ``--runs`` times: the editor changes
``--changed`` segments (the intro and paragraphs of the body) and submits; the medical
and compliance reviewers approve, and the change is held in a release; each translation
gets its changed segments translated, is submitted to its language's translation review
and approved by a translation reviewer. The first four approvals are held; the fifth puts
the original and the five translations live in one transaction.

Each approval is a POST to Wagtail's workflow action URL through Django's test Client,
timed from request to response, with its queries counted (``CaptureQueriesContext``) and
the edge invalidations it made (calls of ``hub_site.cache.invalidation.retire`` reaching
the edge). No test transaction wraps the requests: their on-commit callbacks (the one
invalidation of the release, the task queue's work) run at the real commit, inside the
timed request. After the last approval every language's live row and the page readers
are served (cached before it) must carry the new text, or the benchmark fails.

The task queue and cache are those of the settings in force (``settings.test``: the
immediate task backend, whose tasks run inside the request, unless ``TASK_QUEUE=database``
asks for production's queue, whose tasks are only enqueued here, no worker running them;
local memory unless ``REDIS_URL`` is set, a Redis database given this way being emptied at
the start as the tests empty theirs). ``make bench`` runs it; options:
``python bench/release.py --help``.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
# Wagtail logs every page edited and published at INFO: the table would drown in them.
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django

# The project's models and Wagtail's admin can only be imported once Django is set up.
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, TestCase  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse  # noqa: E402
from django.utils import translation as active_language  # noqa: E402
from django.utils.html import escape  # noqa: E402

from wagtail.models import Locale, WorkflowState  # noqa: E402
from wagtail_localize.models import StringSegment, Translation  # noqa: E402

from home.models import HomePage, StandardPage  # noqa: E402
from hub_site.cache import index, invalidation, memo  # noqa: E402
from hub_site.cache.pages import HEADER as APP_CACHE_HEADER  # noqa: E402
from hub_site.certification.issue import record_legacy_certificate  # noqa: E402
from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation  # noqa: E402
from hub_site.releases.models import Release  # noqa: E402
from hub_site.translation.drafts import save_translation_draft  # noqa: E402
from hub_site.workflows import roles  # noqa: E402
from tests.page_editor import submit_standard_page  # noqa: E402

WANTED_LANGUAGES = ("es", "fr", "de", "it", "pt")
SLUG = "dose-adjustment-guidance"
SENTENCES = (
    "Check renal function before the first dose and adjust it as the summary of product "
    "characteristics advises.",
    "Patients on <b>concomitant anticoagulants</b> need closer monitoring of their blood counts.",
    "Stop the infusion at once if signs of a hypersensitivity reaction appear.",
    "Record every adverse event in the patient file and report serious ones to the "
    "national authority.",
    "Give antiemetic prophylaxis as the local protocol describes.",
    "Discuss fertility preservation with the patient before treatment starts.",
)


def paragraph(number):
    return f"Section {number}: {SENTENCES[number % len(SENTENCES)]}"


def check(condition, message):
    """Fail loudly: a figure measured on a release that did not happen is worthless."""
    if not condition:
        raise RuntimeError(message)


def reader_client():
    """A reader who has passed the HCP gate, without a session, whom the page cache serves."""
    reader = Client()
    reader.cookies[COOKIE_NAME] = signed_confirmation()
    return reader


def empty_caches():
    cache.clear()
    memo.forget()
    index.index().clear()
    invalidation.forget_pending()


class EdgeInvalidations:
    """Counts the invalidations that reach the edge: ``retire`` is called with ``edge=False``
    too, for the app's own copies while a transaction is still open."""

    def __init__(self):
        self.count = 0
        self.real_retire = invalidation.retire
        invalidation.retire = self

    def __call__(self, tags, everything=False, edge=True):
        if edge:
            self.count += 1
        return self.real_retire(tags, everything, edge)


def publish_as_set_up(revision):
    """As content that was live before certification existed (``manage.py
    record_legacy_certificates``): set-up content needs no review."""
    record_legacy_certificate(revision)
    revision.publish(skip_permission_checks=True)


def make_team():
    user_model = get_user_model()

    def make(username, *group_names):
        user = user_model.objects.create_user(username, f"{username}@hub.example", None)
        user.groups.set(Group.objects.filter(name__in=group_names))
        return user

    return {
        "admin": user_model.objects.create_superuser("admin", "admin@hub.example", None),
        "editor": make("editor", roles.EDITORS),
        "medical": make("medical", roles.MEDICAL_REVIEWERS),
        "compliance": make("compliance", roles.COMPLIANCE_REVIEWERS),
        "translator": make("translator", roles.TRANSLATORS),
        "translation_reviewer": make("translation-reviewer", roles.TRANSLATION_REVIEWERS),
    }


def submit_page_translation(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [locale.pk]},
    )
    check(response.status_code == 302, f"translating {page} into {locale}: {response.status_code}")
    return page.get_translation(locale)


def translate_segment(client, translation, segment, text):
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    response = client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )
    check(response.status_code in (200, 201), f"segment {segment.pk}: {response.content[:500]}")


def translated_text(code, source_text):
    # The source's figures unchanged: the numbers guard holds back a translation whose
    # figures differ until someone other than its translator confirms them.
    return f"[{code}] {source_text}"


def set_up(client, team, segments):
    """The five languages in use and the page live in six; returns (page, {language code:
    Translation}, the page's number of segments)."""
    locales = list(Locale.objects.filter(language_code__in=WANTED_LANGUAGES))
    locales.sort(key=lambda locale: WANTED_LANGUAGES.index(locale.language_code))
    check(locales, f"none of the locales {WANTED_LANGUAGES} exists after migrate")
    client.force_login(team["admin"])
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    # A language comes into use as the admin brings it: its home page translated and live.
    for locale in locales:
        publish_as_set_up(submit_page_translation(client, home, locale).get_latest_revision())

    body = "".join(f"<p>{paragraph(number)}</p>" for number in range(1, segments - 1))
    page = home.add_child(
        instance=StandardPage(
            title="Dose adjustment guidance",
            slug=SLUG,
            intro="Dose adjustment for renal impairment, as agreed by the review board.",
            body=body,
        )
    )
    publish_as_set_up(page.save_revision())

    translations = {}
    for locale in locales:
        client.force_login(team["admin"])
        target = submit_page_translation(client, page, locale)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale
        )
        client.force_login(team["translator"])
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string"
        ):
            translate_segment(
                client,
                translation,
                segment,
                translated_text(locale.language_code, segment.string.data),
            )
        save_translation_draft(translation, team["translator"])
        target.refresh_from_db()
        publish_as_set_up(target.get_latest_revision())
        translations[locale.language_code] = translation
    count = StringSegment.objects.filter(source=translations[locales[0].language_code].source)
    return page, translations, count.count()


def current_task_url(page, action):
    task_state = (
        WorkflowState.objects.for_instance(page).get(status="in_progress").current_task_state
    )
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def approve(client, page, invalidations):
    """The reviewer's approval of the page's current task, measured: (ms, queries, edge
    invalidations)."""
    url = current_task_url(page, "approve")
    invalidations.count = 0
    started = time.perf_counter()
    # The request commits for real and its callbacks run at that commit; any left on a
    # transaction still open would run at the end of the block, still inside the timing.
    with (
        CaptureQueriesContext(connection) as queries,
        TestCase.captureOnCommitCallbacks(using="default", execute=True),
    ):
        response = client.post(url)
    elapsed_ms = (time.perf_counter() - started) * 1000
    # Wagtail's admin answers a refused action with a redirect to the dashboard.
    check(
        response.status_code == 302 and response["Location"] != reverse("wagtailadmin_home"),
        f"approval of {page} refused: {response.status_code}",
    )
    check(
        len(queries) < connection.queries_limit,
        f"more than {connection.queries_limit} queries: Django's log of them is full",
    )
    return elapsed_ms, len(queries), invalidations.count


def changed_texts(base, changed, run):
    """{old text: new text} of this run's change: the intro and paragraphs spread over the
    body, each reworded from its text at set-up."""
    paragraphs = list(base["paragraphs"])
    step = max(1, len(paragraphs) // changed)
    picked = [base["intro"], *paragraphs[step // 2 :: step][: changed - 1]]
    return {text: f"{text} Revised in round {run}." for text in picked}


def submit_correction(client, team, page, current, new_texts, counter):
    """The editor rewords the segments and submits; both editorial reviewers approve."""
    page = StandardPage.objects.get(pk=page.pk)
    intro, body = page.intro, page.body
    for original, new in new_texts.items():
        old = current.get(original, original)
        intro = new if intro == old else intro
        body = body.replace(f">{old}</p>", f">{new}</p>")
        current[original] = new
    client.force_login(team["editor"])
    response = submit_standard_page(client, page, intro, body)
    check(response.status_code == 302, f"the editor's submission: {response.content[:2000]}")
    for reviewer in ("medical", "compliance"):
        client.force_login(team[reviewer])
        approve(client, page, counter)
    check(
        Release.objects.filter(page=page, status=Release.OPEN, revision__isnull=False).exists(),
        "the editorial approval was not held in a release",
    )


def submit_translation(client, team, translation, target, new_texts):
    client.force_login(team["translator"])
    for new in new_texts:
        segment = StringSegment.objects.get(source_id=translation.source_id, string__data=new)
        translate_segment(
            client, translation, segment, translated_text(target.locale.language_code, new)
        )
    response = client.post(reverse("hub_workflows:submit_translation", args=(target.pk,)))
    check(response.status_code == 302, f"submitting {target}: {response.status_code}")
    # Refused, it redirects too (to the page's editor, with the reasons).
    check(
        WorkflowState.objects.for_instance(target).filter(status="in_progress").exists(),
        f"the {target.locale} translation was not submitted to its review",
    )


def pages_in_every_language(page):
    return {
        p.locale.language_code: p
        for p in StandardPage.objects.filter(translation_key=page.translation_key).select_related(
            "locale"
        )
    }


def expected_texts(code, texts):
    return [t if code == "en" else translated_text(code, t) for t in texts]


def served(reader, pages):
    responses = {code: reader.get(p.get_url()) for code, p in pages.items()}
    # A reader's request leaves its language active in this thread (LocaleMiddleware).
    active_language.deactivate()
    for code, response in responses.items():
        check(response.status_code == 200, f"the {code} page: {response.status_code}")
    return responses


def check_live(page, reader, texts, what):
    """Every language's live row and the page its readers are served carry ``texts``;
    returns how many of those pages came from the app's page cache."""
    pages = pages_in_every_language(page)
    responses = served(reader, pages)
    for code, live in pages.items():
        fields = f"{live.intro}\n{live.body}"
        html = responses[code].content.decode()
        for text in expected_texts(code, texts):
            check(text in fields, f"{what}: the live {code} page lacks {text!r}")
            # The intro is escaped; the body's paragraphs are shown as their HTML.
            shown = text in html or escape(text) in html
            check(shown, f"{what}: {code} readers are not shown {text!r}")
    return sum(r.get(APP_CACHE_HEADER) == "HIT" for r in responses.values())


def run_once(client, reader, team, page, translations, base, current, changed, run, counter):
    new_texts = changed_texts(base, changed, run)
    previous = [current.get(text, text) for text in new_texts]
    # Readers' copies in the page cache: the release has them to retire.
    check_live(page, reader, previous, "before the change")
    submit_correction(client, team, page, current, new_texts, counter)

    held = []
    codes = list(translations)
    pages = pages_in_every_language(page)
    for number, code in enumerate(codes):
        submit_translation(client, team, translations[code], pages[code], new_texts.values())
        client.force_login(team["translation_reviewer"])
        if number < len(codes) - 1:
            held.append(approve(client, pages[code], counter))
            continue
        # Nothing is live before the last language's approval.
        cached = check_live(page, reader, previous, f"before the {code} approval")
        last = (*approve(client, pages[code], counter), cached)
    check_live(page, reader, list(new_texts.values()), "after the last approval")
    check(
        Release.objects.filter(page=page, status=Release.RELEASED).count() == run,
        f"run {run}: the release is not marked released",
    )
    return held, last


def spread(values):
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def database_description():
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    if connection.vendor == "postgresql":
        major, minor = divmod(connection.pg_version, 10000)
        return f"PostgreSQL {major}.{minor}"
    return connection.vendor


def print_table(args, held, last, segment_count, languages):
    cached = spread([row[3] for row in last])
    conditions = (
        f"{len(languages) + 1} languages (en, {', '.join(languages)}); {segment_count} segments, "
        f"{args.changed} changed per run; {args.runs} runs; {database_description()}; "
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}; "
        f"task queue {settings.TASKS['default']['BACKEND'].rsplit('.', 1)[-1]}; "
        f"readers' pages in the app's cache before the last approval: {cached} of "
        f"{len(languages) + 1}"
    )
    print(f"\none page's release: {conditions}")
    print(
        "(each approval a POST to Wagtail's workflow action, timed from request to response; "
        "queries and invalidations per approval, a range when they varied; an invalidation is "
        "a call of hub_site.cache.invalidation.retire that reaches the edge)\n"
    )
    print(f"{'':<42} {'median ms':>10} {'max ms':>8} {'queries':>9} {'invalidations':>14}")
    rows = [
        (f"held approval (each of {len(languages) - 1} languages)", held),
        (f"last approval: all {len(languages) + 1} languages live", last),
    ]
    for label, measured in rows:
        if not measured:  # one language besides English: no approval is held
            continue
        ms = [row[0] for row in measured]
        print(
            f"{label:<42} {statistics.median(ms):>10.1f} {max(ms):>8.1f} "
            f"{spread([row[1] for row in measured]):>9} "
            f"{spread([row[2] for row in measured]):>14}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="releases measured")
    parser.add_argument(
        "--segments", type=int, default=20, help="the page's segments: title, intro, paragraphs"
    )
    parser.add_argument("--changed", type=int, default=3, help="segments changed per release")
    args = parser.parse_args()
    if args.segments < 3 or not 1 <= args.changed <= args.segments - 2 or args.runs < 1:
        parser.error("need --segments >= 3, 1 <= --changed <= segments - 2, --runs >= 1")

    setup_test_environment()
    database = connection.settings_dict
    old_name = database["NAME"]
    if connection.vendor == "sqlite":
        # settings.test names one file for every test database: pytest may be using it.
        artifacts = Path(settings.BASE_DIR) / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        database["TEST"]["NAME"] = str(artifacts / "bench-release.sqlite3")
    print(f"creating the test database ({connection.vendor}) …", flush=True)
    # A leftover of an interrupted run is replaced without asking; nothing restores the
    # database's contents, so they are not serialized.
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=False)
    try:
        empty_caches()
        counter = EdgeInvalidations()
        client, reader = Client(), reader_client()
        team = make_team()
        started = time.perf_counter()
        page, translations, segment_count = set_up(client, team, args.segments)
        print(
            f"set-up: {len(translations) + 1} languages live in "
            f"{time.perf_counter() - started:.1f} s",
            flush=True,
        )
        base = {
            "intro": page.intro,
            "paragraphs": [paragraph(number) for number in range(1, args.segments - 1)],
        }
        current = {}
        held, last = [], []
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            run_held, run_last = run_once(
                client, reader, team, page, translations, base, current, args.changed, run, counter
            )
            held += run_held
            last.append(run_last)
            print(
                f"  run {run}: released in {len(translations) + 1} languages "
                f"(last approval {run_last[0]:.0f} ms; run {time.perf_counter() - started:.1f} s)",
                flush=True,
            )
        print_table(args, held, last, segment_count, list(translations))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return 0


if __name__ == "__main__":
    sys.exit(main())
