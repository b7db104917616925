"""PostgreSQL restarted under load: readers get the 503 page, the site recovers by itself,
and no vote or survey answer acknowledged to a reader is lost.

1. Creates a throwaway PostgreSQL cluster (``initdb`` in a temporary folder, run as the
   ``postgres`` user when started as root) on a free loopback port: the machine's own
   cluster is never touched.
2. Migrates a database there, loads the demo content, collects static files and starts
   granian with ``settings.production`` (deploy/stack.py's ``Stack.start_app``).
3. Readers in threads, each from its own loopback address (the app limits answers per
   address), open the poll or the feedback survey, confirm as HCPs and answer. Meanwhile
   the cluster is stopped (``pg_ctl stop -m fast``), kept down for ``--down`` seconds and
   started again.
4. Checks: every answer acknowledged with a redirect (303) is in the database; requests
   made while the database was down got 503 with the site's 503 page and ``Retry-After``,
   none got a 500; answers are acknowledged again after the restart.

Prints a summary, removes the cluster and exits non-zero when a check fails.
``python bench/pg_restart.py`` (``--help`` for the options); the load phase is bounded by
``--seconds`` and the whole run by ``--timeout``.
"""

import argparse
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import requests
from bs4 import BeautifulSoup
from requests.adapters import HTTPAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.stack import Stack, free_port

DATABASE = "hub_ops_restart"
SECRET_KEY = "pg-restart-bench-only-" + "k" * 40
POLL = "/en/your-opinion-matters/"
SURVEY = "/en/article-feedback/"
PAGE_503_HEADING = "The site is temporarily unavailable"
# Fast for building the demo database; the restart under load runs with the defaults.
SETUP_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def postgres_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


@dataclass
class Cluster:
    """A PostgreSQL cluster of our own in a temporary folder."""

    folder: Path
    port: int

    @property
    def data(self):
        return self.folder / "data"

    def as_owner(self, *command, check=True, timeout=120):
        # initdb and postgres refuse to run as root.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *command], check=check, capture_output=True, text=True, timeout=timeout
        )

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.as_owner(
            postgres_bin("initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "--encoding=UTF8", "--no-sync",
        )  # fmt: skip

    def pg_ctl(self, action, *extra, options=""):
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} {options}"
        return self.as_owner(
            postgres_bin("pg_ctl"), action, "-D", str(self.data), "-w", "-t", "60",
            "-l", str(self.folder / "postgres.log"), "-o", opts, *extra,
        )  # fmt: skip

    def start(self, options=""):
        self.pg_ctl("start", options=options)

    def stop(self, mode="fast"):
        self.as_owner(
            postgres_bin("pg_ctl"), "stop", "-D", str(self.data), "-w", "-m", mode, check=False
        )

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def query(self, database, sql, params=(), autocommit=False):
        import psycopg

        with psycopg.connect(self.url(database), connect_timeout=5, autocommit=autocommit) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def remove(self):
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


class SourceAddressAdapter(HTTPAdapter):
    """Connects from one loopback address, so each reader has an address of their own."""

    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def django_signing(secret_key):
    """The HCP confirmation cookie and the respondent hash, as the app computes them."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.SECRET_KEY = secret_key
    from django.utils.crypto import salted_hmac

    from hub_site.gate.cookies import COOKIE_NAME, signed_confirmation
    from surveys.reader_identity import state_from_cookie

    def respondent(reader_cookie):
        # surveys/reader_identity.py: respondent_key(), from the id in the reader's cookie
        reader_id = state_from_cookie(reader_cookie).reader_id
        return salted_hmac("surveys.respondent", reader_id, algorithm="sha256").hexdigest()

    return COOKIE_NAME, signed_confirmation(), respondent


@dataclass
class Outcome:
    started: float
    kind: str  # "poll" or "survey"
    step: str  # "page" or "answer"
    status: int  # 0: no HTTP answer
    respondent: str = ""
    body_ok: bool = True
    retry_after: bool = True


@dataclass
class Load:
    base_url: str
    cookie: tuple
    respondent_of: object
    stop_at: float
    outcomes: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_reader: int = 0

    def new_address(self):
        with self.lock:
            self.next_reader += 1
            n = self.next_reader
        return f"127.0.{1 + n // 250}.{1 + n % 250}"

    def record(self, outcome):
        with self.lock:
            self.outcomes.append(outcome)

    def reader(self, kind):
        while time.monotonic() < self.stop_at:
            self.answer_once(kind)

    def answer_once(self, kind):
        session = requests.Session()
        session.mount("http://", SourceAddressAdapter(self.new_address()))
        session.cookies.set(*self.cookie)
        # As a browser sends it: survey and poll POSTs are checked by origin, not by token.
        session.headers["Origin"] = self.base_url
        path = POLL if kind == "poll" else SURVEY
        started = time.monotonic()
        page = self.request(session, "get", path)
        self.record(self.outcome(started, kind, "page", page))
        if page is None or page.status_code != 200:
            time.sleep(0.2)  # as a reader would, before trying again
            return
        data = form_data(page.text, kind)
        started = time.monotonic()
        answer = self.request(session, "post", path, data=data, allow_redirects=False)
        outcome = self.outcome(started, kind, "answer", answer)
        if answer is not None and answer.status_code == 303:
            outcome.respondent = self.respondent_of(session.cookies.get("hub_reader"))
        self.record(outcome)

    def request(self, session, method, path, **kwargs):
        try:
            return session.request(method, self.base_url + path, timeout=30, **kwargs)
        except requests.RequestException:
            return None

    def outcome(self, started, kind, step, response):
        if response is None:
            return Outcome(started, kind, step, 0)
        unavailable = response.status_code == 503
        return Outcome(
            started,
            kind,
            step,
            response.status_code,
            body_ok=not unavailable or PAGE_503_HEADING in response.text,
            retry_after=not unavailable or "Retry-After" in response.headers,
        )


def form_data(html, kind):
    """The reader's answers: the poll's first choice, or the first level of each statement."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"method": "post"})
    data = {}
    for radio in form.find_all("input", attrs={"type": "radio"}):
        data.setdefault(radio["name"], radio["value"])
    for hidden in form.find_all("input", attrs={"type": "hidden"}):
        data.setdefault(hidden["name"], hidden.get("value", ""))
    return data


def run(args):
    deadline = time.monotonic() + args.timeout
    folder = Path(tempfile.mkdtemp(prefix="hub_ops_pg_"))
    folder.chmod(0o755)
    cluster = Cluster(folder, free_port())
    stack = Stack(
        run_dir=folder / "run",
        database=DATABASE,
        port=free_port(),
        workers=2,
        redis_url="",
        secret_key=SECRET_KEY,
        extra_env={
            "DATABASE_URL": cluster.url(DATABASE),
            "MEDIA_ROOT": str(folder / "media"),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "WARNING",
        },
    )
    stack.run_dir.mkdir()
    try:
        print(f"Cluster: {folder} on 127.0.0.1:{cluster.port} (removed at the end)", flush=True)
        cluster.create()
        cluster.start(SETUP_OPTIONS)
        cluster.query("postgres", f'CREATE DATABASE "{DATABASE}"', autocommit=True)
        print("Migrating and loading the demo content…", flush=True)
        stack.manage("migrate", "--no-input", quiet=True)
        stack.manage("load_demo", quiet=True)
        stack.manage("collectstatic", "--no-input", quiet=True)
        cluster.stop()
        cluster.start()  # durable settings from here on
        if time.monotonic() + args.seconds + 30 > deadline:
            raise TimeoutError("setup took too long to leave time for the load phase")
        app_port = free_port()
        stack.start_app(app_port)
        status = drive(args, cluster, f"http://127.0.0.1:{app_port}")
        print_outage_log(stack.app_log(app_port))
        return status
    finally:
        stack.stop()
        cluster.remove()


def print_outage_log(log):
    """What the app logged about the outage (one line each way per worker process)."""
    import json

    lines = [line for line in log.read_text().splitlines() if "database_unavailable" in line]
    print(f"App log ({len(lines)} lines from hub_site.database_unavailable):")
    for line in lines:
        entry = json.loads(line)
        print(f"  {entry['level']:<8}{entry['message'][:90]}")


def drive(args, cluster, base_url):
    cookie_name, cookie_value, respondent_of = django_signing(SECRET_KEY)
    start = time.monotonic()
    load = Load(base_url, (cookie_name, cookie_value), respondent_of, start + args.seconds)
    threads = [
        threading.Thread(target=load.reader, args=("poll" if i % 2 == 0 else "survey",))
        for i in range(args.readers)
    ]
    for thread in threads:
        thread.start()
    time.sleep(args.before)
    down_at = time.monotonic()
    cluster.stop("fast")
    stopped_at = time.monotonic()
    time.sleep(args.down)
    cluster.start()
    up_at = time.monotonic()
    for thread in threads:
        thread.join()
    return report(load.outcomes, cluster, start, down_at, stopped_at, up_at)


def report(outcomes, cluster, start, down_at, stopped_at, up_at):
    def when(outcome):
        if outcome.started < down_at:
            return "before"
        if outcome.started < up_at:
            return "during"
        return "after"

    table = Counter((when(o), o.step, o.status) for o in outcomes)
    acknowledged = {o.respondent for o in outcomes if o.respondent}
    stored = {
        row[0]
        for row in cluster.query(DATABASE, "SELECT respondent FROM surveys_pollvote")
        + cluster.query(DATABASE, "SELECT respondent FROM surveys_surveyresponse")
    }
    lost = acknowledged - stored
    failures = []
    if lost:
        failures.append(f"{len(lost)} acknowledged answers are not in the database")
    if any(o.status == 500 for o in outcomes):
        failures.append("some requests got a 500")
    if any(o.status not in (200, 303, 503) for o in outcomes):
        failures.append("some requests got no answer or an unexpected status")
    unavailable = [o for o in outcomes if o.status == 503]
    if not unavailable:
        failures.append("no request met the outage (503): nothing was shown")
    if not all(o.body_ok and o.retry_after for o in unavailable):
        failures.append("a 503 lacked the site's 503 page or Retry-After")
    if not any(o.respondent and when(o) == "after" for o in outcomes):
        failures.append("no answer was acknowledged after the restart")

    print()
    print(f"Load: {len(outcomes)} requests over {time.monotonic() - start:.1f} s")
    print(
        f"PostgreSQL stopped (fast) at +{down_at - start:.1f} s, down after "
        f"{stopped_at - down_at:.1f} s, started again at +{up_at - start:.1f} s"
    )
    phases = ["before", "during", "after"]
    print(f"{'started':<9}{'request':<16}{'status':>7}{'count':>7}")
    for (phase, step, status), n in sorted(
        table.items(), key=lambda i: (phases.index(i[0][0]), i[0][1], i[0][2])
    ):
        request = "GET form" if step == "page" else "POST answer"
        print(f"{phase:<9}{request:<16}{status or 'none':>7}{n:>7}")
    print(
        f"Answers acknowledged (303): {len(acknowledged)}; found in the database: "
        f"{len(acknowledged & stored)}; stored in all: {len(stored)}"
    )
    print(
        "503 answers with the 503 page and Retry-After: "
        f"{sum(o.body_ok and o.retry_after for o in unavailable)}/{len(unavailable)}"
    )
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("OK: the outage answered 503, service resumed by itself, no acknowledged answer lost")
    return 0


def out_of_time(signum, frame):
    raise TimeoutError("the run exceeded --timeout")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--readers", type=int, default=6, help="concurrent readers (threads)")
    parser.add_argument("--seconds", type=float, default=20, help="length of the load phase")
    parser.add_argument("--before", type=float, default=6, help="load before the stop")
    parser.add_argument("--down", type=float, default=3, help="seconds the database stays down")
    parser.add_argument("--timeout", type=float, default=420, help="bound on the whole run")
    args = parser.parse_args()
    if args.before + args.down >= args.seconds:
        parser.error("--before plus --down must leave load time after the restart")
    if postgres_bin("initdb") is None or postgres_bin("pg_ctl") is None:
        print("SKIPPED: PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        return 0
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(int(args.timeout) + 60)  # the cluster is still removed (finally)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
