"""The task queue with its real worker (django-tasks' database backend on PostgreSQL), as
`make serve` runs it: the editor's publish returns without waiting for the edge, a purge
the edge did not take is sent again once it is back, and two workers run each task once."""

import json
import time

from tests.production.conftest import confirmation_cookie, eventually, fetch, renewed, shell

SEED_ARTICLE = "/en/articles/allo-hsct-cr2-ayas-with-all-dual-center-study/"
SEED_QUERY = (
    "from articles.models import ArticlePage\n"
    "from tests.publishing import publish_certified\n"
    "page = ArticlePage.objects.get(locale__language_code='en', "
    f"url_path__endswith={SEED_ARTICLE.split('/')[-2] + '/'!r})\n"
)


def edge_copy(stack, cookie):
    """(X-Edge-Cache, body) of the seed article for a confirmed reader."""
    _, headers, body = fetch(stack.base_url + SEED_ARTICLE, cookie)
    return headers["X-Edge-Cache"], body


def purged_paths(stack):
    log = stack.run_dir / "purges.log"
    return [line.split()[2] for line in log.read_text().splitlines()] if log.exists() else []


def test_a_publish_while_the_edge_is_down_is_purged_once_it_is_back(stack):
    cookie = confirmation_cookie()
    _, headers, _ = fetch(stack.base_url + SEED_ARTICLE, cookie)
    cookie = renewed(cookie, headers)
    edge_copy(stack, cookie)
    assert edge_copy(stack, cookie)[0] == "HIT"
    original = shell(stack, f"{SEED_QUERY}print(page.summary, end='')\n")
    marker = f"Summary published while the edge was down {time.time_ns()}"

    stack.stop_edge()
    try:
        # The editor's publish: it returns although nothing takes the purge.
        stack.shell(
            f"{SEED_QUERY}page.summary = {marker!r}\npublish_certified(page.save_revision())\n",
            wait=False,
        )
        time.sleep(2)  # the first purge and a retry or two find no edge
    finally:
        stack.start_edge()
    try:
        # nginx came back with its cache on disk, the old copy in it; the retry retires it.
        assert eventually(lambda: marker in edge_copy(stack, cookie)[1], seconds=20)
        assert any(path.startswith(SEED_ARTICLE) for path in purged_paths(stack)), (
            purged_paths(stack)[-5:],
            (stack.run_dir / "worker.log").read_text()[-3000:],
        )
    finally:
        shell(
            stack,
            f"{SEED_QUERY}page.summary = {original!r}\npublish_certified(page.save_revision())\n",
        )


def test_two_workers_run_each_task_once(stack):
    stack.start_worker()  # a second worker beside the stack's own
    count = 60
    enqueued = shell(
        stack,
        "import time\n"
        "from hub_site.cache.edge import send_purges\n"
        f"ids = [send_purges.enqueue(['{stack.base_url}/en/queue-check-' + str(n) + '/'], "
        f"time.time()).id for n in range({count})]\n"
        "import json\n"
        "print(json.dumps(ids))\n",
    )
    ids = json.loads(enqueued)

    ran = json.loads(
        shell(
            stack,
            "import json\n"
            "from django_tasks_db.models import DBTaskResult\n"
            f"results = DBTaskResult.objects.filter(id__in={ids!r})\n"
            "print(json.dumps([(r.status, r.worker_ids) for r in results]))\n",
        )
    )
    paths = [p for p in purged_paths(stack) if p.startswith("/en/queue-check-")]

    assert sorted(paths) == sorted({f"/en/queue-check-{n}/" for n in range(count)})
    assert [status for status, _ in ran] == ["SUCCESSFUL"] * count
    assert all(len(workers) == 1 for _, workers in ran), "no task claimed twice"
    assert len({workers[0] for _, workers in ran}) == 2, "both workers took tasks"
