"""Start the production configuration on loopback: nginx → granian → PostgreSQL + Redis.

Used by ``make serve`` (``python -m deploy.stack serve``), the benchmark (``bench/run.py``)
and the tests in ``tests/production/``. Everything it writes goes into one run folder:
the generated nginx.conf, the edge cache, logs and, for ``make serve``, the secret key.
"""

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = PROJECT_DIR / "deploy" / "nginx.conf"
GRANIAN_SETTINGS = PROJECT_DIR / "deploy" / "granian.env"
GUNICORN_CONFIG = PROJECT_DIR / "deploy" / "gunicorn.conf.py"
WSGI_ENTRY_POINT = "deploy.wsgi:application"
# granian serves production; gunicorn stays for comparison (bench/run.py --server gunicorn).
APP_SERVERS = ("granian", "gunicorn")


def app_layout(server, cores):
    """(app server processes, workers in each) for ``cores`` Python workers in all.

    granian: one single-worker process per core, each on its own port, balanced by nginx's
    upstream. The workers of one granian process share its socket, and a client's keep-alive
    connections (nginx's, wrk's) all land on whichever worker wakes first, leaving the
    others idle (measured: half the throughput in most runs). gunicorn's sync workers take
    one request per connection, so they share one port.
    """
    return (cores, 1) if server == "granian" else (1, cores)


PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
JS_MODULE = Path("/usr/lib/nginx/modules/ngx_http_js_module.so")
EDGE_JS = PROJECT_DIR / "deploy" / "edge" / "hub_edge.js"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
# The query parameters pages read, in order: settings.PAGE_VARIANT_PARAMETERS (a test
# checks they agree; this module runs without Django).
VARIANT_PARAMETERS = ("page", "topic", "q", "article")


def cache_key(path):
    """nginx's cache key for the page at ``path`` (an nginx variable): the namespace, the
    site, the path and the variant's parameters (hub_site/cache/variants.py)."""
    query = "&".join(f"{name}=$arg_{name}" for name in VARIANT_PARAMETERS)
    return f"$hub_edge_ns|$server_name{path}?{query}"


# Wagtail's HTTP backend sends "PURGE <page URL>" to nginx. Debian's ngx_cache_purge 2.3
# crashes nginx 1.22's worker when proxy_cache_purge shares the proxied location, so the
# request is routed to a location of its own. A URL that was not cached answers 204 too.
# "PURGE <root>/*" retires every page by starting a new namespace (deploy/edge/hub_edge.js).
# The path is a named capture: the key's namespace comes through a map whose regex would
# reset the numbered ones.
PURGE_RULE = """
        if ($request_method = PURGE) {
            rewrite ^(.*)$ /__purge$1 last;
        }
        location = /__purge/* {
            allow 127.0.0.1;
            deny all;
            access_log @@RUN_DIR@@/purges.log hub_purges;
            js_content hub_edge.purgeEverything;
        }
        location ~ ^/__purge(?<hub_purged>/.*)$ {
            allow 127.0.0.1;
            deny all;
            access_log @@RUN_DIR@@/purges.log hub_purges;
            proxy_cache_purge hub_pages "@@PURGE_KEY@@";
            error_page 404 =204 @purged;
        }
        location @purged {
            access_log @@RUN_DIR@@/purges.log hub_purges;
            return 204;
        }""".replace("@@PURGE_KEY@@", cache_key("$hub_purged"))
DEBIAN_PACKAGES = {
    "nginx": "nginx-light",
    "purge": "libnginx-mod-http-cache-purge",
    "js": "libnginx-mod-http-js",
}
EDGE_PACKAGES = tuple(DEBIAN_PACKAGES.values())


def ensure_debian_packages(*packages):
    """Install missing Debian packages when root; otherwise say what is missing."""
    missing = [
        p
        for p in packages
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout
        != "install ok installed"
    ]
    if not missing:
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing Debian packages: {' '.join(missing)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
        return True
    print(f"SKIPPED: Debian packages missing and not root: {' '.join(missing)}", flush=True)
    return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(host, port):
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def ensure_database(name):
    """Create the PostgreSQL database ``name`` on 127.0.0.1:5432 if it does not exist."""
    import psycopg

    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def render_nginx_conf(run_dir, media_root, listen, upstreams, purge=True, server_name="_"):
    text = NGINX_TEMPLATE.read_text()
    purge_on = purge and PURGE_MODULE.exists()
    values = {
        # First: it holds placeholders of its own.
        "PURGE_RULE": PURGE_RULE if purge_on else "",
        # Only root may switch users; the workers read the project's files and the run folder.
        "USER": "user root;" if os.geteuid() == 0 else "",
        "RUN_DIR": str(run_dir),
        "PURGE_MODULE": f"load_module {PURGE_MODULE};" if purge_on else "",
        "JS_MODULE": str(JS_MODULE),
        "EDGE_JS": str(EDGE_JS),
        "EDGE_POLICY": str(run_dir / "edge-policy.conf"),
        "CACHE_KEY": cache_key("$uri"),
        "UPSTREAM_SERVERS": " ".join(f"server {u};" for u in upstreams),
        "LISTEN": listen,
        "SERVER_NAME": server_name,
        "STATIC_ROOT": str(run_dir / "static"),
        "MEDIA_ROOT": str(media_root),
    }
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    conf = run_dir / "nginx.conf"
    conf.write_text(text)
    return conf


def read_env_file(path):
    """KEY=value lines, as systemd's EnvironmentFile= reads them (no quoting needed here)."""
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def app_server_command(server, port, workers):
    """(argv, extra environment) of an app server on 127.0.0.1:port."""
    if server == "granian":
        env = {
            **read_env_file(GRANIAN_SETTINGS),
            "GRANIAN_HOST": "127.0.0.1",
            "GRANIAN_PORT": str(port),
            "GRANIAN_WORKERS": str(workers),
        }
        return [sys.executable, "-m", "granian", WSGI_ENTRY_POINT], env
    env = {"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
    return [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONFIG), WSGI_ENTRY_POINT], env


def wait_until_up(url, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback URL we built
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


class PolicyWatcher(threading.Thread):
    """Reload nginx when the edge's policy file changes (a new key, lifetime or namespace:
    deploy/edge/hub_edge.js), as a systemd path unit does on a server (docs/deploy.md)."""

    INTERVAL_SECONDS = 0.1

    def __init__(self, path, nginx):
        super().__init__(name="edge-policy-watcher", daemon=True)
        self.path, self.nginx = path, nginx
        self.stopped = threading.Event()
        self.seen, self.reloaded_at = None, 0.0

    def modified(self):
        try:
            return self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return None

    # A graceful reload starts new workers in a few tens of milliseconds; this is the wait
    # after one before nginx is taken to answer with the new policy (settled()).
    RELOAD_SECONDS = 0.5

    def run(self):
        self.seen = self.modified()
        while not self.stopped.wait(self.INTERVAL_SECONDS):
            now = self.modified()
            if now != self.seen and self.nginx.poll() is None:
                self.seen = now
                self.nginx.send_signal(signal.SIGHUP)  # a graceful reload
                self.reloaded_at = time.monotonic()

    def settled(self):
        """Whether nginx runs with the policy file as it is now."""
        return (
            self.seen == self.modified()
            and time.monotonic() - self.reloaded_at >= self.RELOAD_SECONDS
        )

    def stop(self):
        self.stopped.set()


def signal_group(process, signum):
    """Signal ``process`` and every process it started (its own session: start_new_session),
    so that a server's workers never outlive it."""
    with contextlib.suppress(ProcessLookupError):  # the whole group has gone
        os.killpg(process.pid, signum)


class Supervisor(threading.Thread):
    """Restart what dies, as systemd's Restart= does on a server: an app server, the
    worker or nginx. nginx routes readers to the other app servers meanwhile."""

    INTERVAL_SECONDS = 0.25

    def __init__(self, stack):
        super().__init__(name="stack-supervisor", daemon=True)
        self.stack = stack
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.INTERVAL_SECONDS):
            for name, (process, restart) in list(self.stack.supervised.items()):
                if process.poll() is None or self.stopped.is_set():
                    continue
                # What it started (granian's worker) would hold its port: gone first.
                signal_group(process, signal.SIGKILL)
                if process in self.stack.processes:
                    self.stack.processes.remove(process)
                print(f"{name} exited ({process.returncode}); restarting it", flush=True)
                try:
                    restart()
                except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                    # It could not start, or did not answer in time: tried again next round.
                    print(f"{name} did not restart: {error}", flush=True)

    def stop(self):
        self.stopped.set()
        if self.is_alive():
            self.join(timeout=30)


@dataclass
class Stack:
    """nginx in front of one or more app servers (granian), all on 127.0.0.1."""

    run_dir: Path
    database: str
    port: int
    app_ports: list = field(default_factory=list)
    # Workers in each app server process (app_layout).
    workers: int = 1
    server: str = "granian"
    # settings.bench for the benchmark (bench/run.py), which needs one flag on top.
    settings_module: str = "settings.production"
    redis_url: str = "redis://127.0.0.1:6379/1"
    secret_key: str = ""
    extra_env: dict = field(default_factory=dict)
    processes: list = field(default_factory=list)
    watcher: "PolicyWatcher | None" = None
    worker: "subprocess.Popen | None" = None
    nginx: "subprocess.Popen | None" = None
    # Each app server's own environment on top of the stack's: {port: {name: value}}, e.g.
    # media and static folders of its own, as on machines that share no disk.
    app_env: dict = field(default_factory=dict)
    # What the supervisor restarts when it exits: {name: (process, restart)}.
    supervised: dict = field(default_factory=dict)
    supervisor: "Supervisor | None" = None

    @property
    def media_root(self):
        # Uploads belong with the database that refers to them, which outlives a run folder.
        return PROJECT_DIR / "run" / "media" / self.database

    @property
    def edge_policy(self):
        return self.run_dir / "edge-policy.conf"

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def env(self):
        # Not what the calling process set for itself (settings.test turns async safety off).
        inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        return {
            **inherited,
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "REDIS_URL": self.redis_url,
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{self.port},http://localhost:{self.port}",
            "WAGTAILADMIN_BASE_URL": self.base_url,
            # Plain HTTP on loopback only: see docs/deploy.md, "make serve".
            "SECURE_SSL_REDIRECT": "false",
            "HUB_LOCAL_PLAIN_HTTP": "true",
            "STATIC_ROOT": str(self.run_dir / "static"),
            "MEDIA_ROOT": str(self.media_root),
            "FRONTEND_CACHE_PURGE_URL": self.base_url,
            **self.extra_env,
        }

    def manage(self, *args, quiet=False, env=None):
        # Before nginx runs there is nothing to purge (its cache is emptied at each start),
        # and the work a command makes (search indexing) is done before it returns.
        env = {
            **self.env(),
            **(env or {}),
            "FRONTEND_CACHE_PURGE_URL": "",
            "TASK_QUEUE": "immediate",
        }
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL if quiet else None,
        )

    def shell(self, code, purging=True, wait=True, env=None):
        """Run ``code`` in the stack's Django (``manage.py shell -c``); what it printed. With
        ``purging``, changes it makes purge the edge: through the task queue, whose worker
        has run (unless not ``wait``) what was due when this returns, and the purges sent
        again a moment later (EDGE_REPURGE_SECONDS). ``env``: as on one app server's machine
        (its ``app_env``)."""
        env = {**self.env(), **(env or {})}
        if not purging:
            env["FRONTEND_CACHE_PURGE_URL"] = ""
        printed = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=PROJECT_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        if purging and wait and self.worker is not None:
            self.wait_for_queue()
        return printed

    def tasks_due(self, within_seconds=3):
        """Tasks waiting or running that are due within ``within_seconds`` (the queue's
        table, read directly)."""
        import psycopg

        dsn = f"host=127.0.0.1 port=5432 user=postgres dbname={self.database}"
        with psycopg.connect(dsn) as db:
            return db.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult"
                " WHERE status IN ('READY', 'RUNNING')"
                # A task to run at once waits with the queue's far-future "no date".
                " AND (run_after <= now() + %s * interval '1 second'"
                " OR run_after >= '9999-01-01')",
                [within_seconds],
            ).fetchone()[0]

    def wait_for_queue(self, timeout=30):
        """Until the worker has run what is due, and nginx has loaded the policy that work
        left (a purge of everything starts a new namespace in it)."""
        deadline = time.monotonic() + timeout
        while self.tasks_due() and time.monotonic() < deadline:
            time.sleep(0.05)
        while self.watcher is not None and not self.watcher.settled():
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)

    def prepare(self, demo=True, quiet=False):
        """Database, migrations, static files and (optionally) the demo content."""
        self.run_dir.mkdir(parents=True, exist_ok=True)
        ensure_database(self.database)
        self.manage("migrate", "--no-input", quiet=quiet)
        self.manage("collectstatic", "--no-input", "--clear", quiet=True)
        if demo:
            self.manage("load_demo", quiet=quiet)

    def app_log(self, port):
        return self.run_dir / f"app-{port}.log"

    def start_app(self, port):
        argv, server_env = app_server_command(self.server, port, self.workers)
        log = open(self.app_log(port), "ab")  # noqa: SIM115 - lives with the process
        process = subprocess.Popen(
            argv,
            cwd=PROJECT_DIR,
            env={**self.env(), **self.app_env.get(port, {}), **server_env},
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.processes.append(process)
        self.supervised[f"app server {port}"] = (process, lambda: self.start_app(port))
        wait_until_up(f"http://127.0.0.1:{port}/healthz", process=process)
        return process

    def start_worker(self, name=None):
        """The task queue's worker (django-tasks' database backend): edge purges, search
        indexing and the rest of the background work (docs/operations.md)."""
        log = open(self.run_dir / "worker.log", "ab")  # noqa: SIM115 - lives with the process
        self.worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=PROJECT_DIR,
            env=self.env(),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.processes.append(self.worker)
        name = name or f"worker {sum(n.startswith('worker') for n in self.supervised) + 1}"
        self.supervised[name] = (self.worker, lambda: self.start_worker(name))
        return self.worker

    def start(self):
        try:
            return self.start_all()
        except BaseException:
            # Nothing left running behind a failed start (an nginx configuration error).
            self.stop()
            raise

    def start_all(self):
        if not self.app_ports:
            self.app_ports = [free_port()]
        for port in self.app_ports:
            self.start_app(port)
        self.start_worker()
        self.manage("edge_policy", "--write", str(self.edge_policy), quiet=True)
        shutil.rmtree(self.run_dir / "edge-cache", ignore_errors=True)  # a fresh start
        self.start_edge()
        self.supervisor = Supervisor(self)
        self.supervisor.start()
        return self

    def start_edge(self):
        """nginx, and the watcher that reloads it when the edge's policy changes. Started
        again after ``stop_edge``, it finds its cache on disk, as a restarted nginx does."""
        conf = render_nginx_conf(
            self.run_dir,
            self.media_root,
            listen=f"127.0.0.1:{self.port}",
            upstreams=[f"127.0.0.1:{p}" for p in self.app_ports],
        )
        self.nginx = subprocess.Popen(
            [
                NGINX,
                "-c",
                str(conf),
                "-e",
                str(self.run_dir / "nginx-error.log"),
                "-g",
                "daemon off;",
            ],
            start_new_session=True,
        )
        self.processes.append(self.nginx)
        self.supervised["nginx"] = (self.nginx, self.restart_edge)
        wait_until_up(f"{self.base_url}/healthz", process=self.nginx)
        self.watcher = PolicyWatcher(self.edge_policy, self.nginx)
        self.watcher.start()

    def restart_edge(self):
        self.watcher.stop()
        self.start_edge()

    def stop_edge(self):
        """Stop nginx alone (tests of what the app does while the edge is down)."""
        del self.supervised["nginx"]
        self.watcher.stop()
        self.nginx.send_signal(signal.SIGTERM)
        self.nginx.wait(timeout=10)
        self.processes.remove(self.nginx)

    def stop(self):
        """Stop every process the stack started, and every process they started."""
        if self.supervisor is not None:
            self.supervisor.stop()
        if self.watcher is not None:
            self.watcher.stop()
        for process in reversed(self.processes):
            signal_group(process, signal.SIGTERM)
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):  # then killed
                process.wait(timeout=10)
            signal_group(process, signal.SIGKILL)  # what is left of its group
        self.processes.clear()
        self.supervised.clear()
        self.worker = None


def secret_key_in(run_dir):
    """A random key generated once and kept in the run folder (never in the repository)."""
    path = run_dir / "secret_key"
    if not path.exists():
        run_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def serve(args):
    if not ensure_debian_packages(*EDGE_PACKAGES):
        return 1
    if not answers("127.0.0.1", 5432) or not answers("127.0.0.1", 6379):
        print("make serve needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379")
        return 1
    run_dir = Path(args.run_dir).resolve()
    processes, workers = app_layout("granian", args.workers)
    stack = Stack(
        run_dir=run_dir,
        database=args.database,
        port=args.port,
        app_ports=[args.app_port + i for i in range(processes)],
        workers=workers,
        secret_key=secret_key_in(run_dir),
    )
    stack.prepare()
    # Stopped by Ctrl-C or SIGTERM alike, the app servers and nginx stop with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    stack.start()
    print(f"Serving the production configuration at {stack.base_url}/en/ (Ctrl-C stops it)")
    try:
        while True:  # the supervisor restarts what exits
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve_parser = sub.add_parser("serve", help="run nginx → granian with the demo content")
    serve_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    serve_parser.add_argument(
        "--app-port", type=int, default=8001, help="the first app server's port (one per worker)"
    )
    serve_parser.add_argument("--workers", type=int, default=2, help="one per core")
    serve_parser.add_argument("--database", default="hub_serve")
    serve_parser.add_argument("--run-dir", default=str(PROJECT_DIR / "run" / "serve"))
    args = parser.parse_args()
    return serve(args)


if __name__ == "__main__":
    sys.exit(main())
