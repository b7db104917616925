"""`make serve` supervises as systemd would: an app server that dies is restarted while
nginx sends readers to the other, and stopping the stack leaves no process behind, the
app servers' own workers included (deploy/stack.py)."""

import os
import signal
import threading
import time

from tests.production.conftest import confirmation_cookie, eventually, fetch

# A session cookie of no session: past both caches, so every request reaches an app server.
UNCACHED = "sessionid=supervision-test"
PAGE = "/en/articles/"


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def healthy(port):
    try:
        return fetch(f"http://127.0.0.1:{port}/healthz")[0] == 200
    except OSError:
        return False


def group_members(pgid):
    """Process ids whose process group is ``pgid`` (from /proc)."""
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                members.append(int(entry))
    return members


class Readers(threading.Thread):
    """Two readers requesting a page without pause; counts answers that were not 200/303."""

    def __init__(self, url, cookie):
        super().__init__(daemon=True)
        self.url, self.cookie = url, cookie
        self.stopped = threading.Event()
        self.answers, self.failures = 0, []

    def run(self):
        while not self.stopped.is_set():
            try:
                status = fetch(self.url, self.cookie)[0]
            except OSError as error:
                status = repr(error)
            self.answers += 1
            if status not in (200, 303):
                self.failures.append(status)


def test_a_killed_app_server_is_restarted_and_readers_see_no_failed_request(stack):
    cookie = f"{confirmation_cookie()}; {UNCACHED}"
    port = stack.app_ports[0]
    killed, _ = stack.supervised[f"app server {port}"]
    server_group = group_members(killed.pid)
    assert len(server_group) >= 2, "granian's process and its worker"
    readers = [Readers(stack.base_url + PAGE, cookie) for _ in range(2)]
    for reader in readers:
        reader.start()
    time.sleep(1)

    os.kill(killed.pid, signal.SIGKILL)  # the server process, not its worker
    restarted = eventually(
        lambda: stack.supervised[f"app server {port}"][0] is not killed and healthy(port),
        seconds=30,
    )
    time.sleep(1)
    for reader in readers:
        reader.stopped.set()
        reader.join(10)

    assert restarted
    assert sum(r.answers for r in readers) > 20
    assert [f for r in readers for f in r.failures] == []
    # The killed server's worker went with it: nothing of its group is left.
    assert not any(alive(pid) for pid in server_group)


def test_stopping_the_stack_stops_every_process_it_started(stack):
    groups = [process.pid for process in stack.processes]
    members = [pid for group in groups for pid in group_members(group)]
    assert len(members) > len(groups), "servers with workers of their own"

    stack.stop()

    assert not any(alive(pid) for pid in members)
