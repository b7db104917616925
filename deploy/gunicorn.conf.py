"""gunicorn settings for Hub CMS, used only by the benchmark's comparison
(``bench/run.py --server gunicorn``): deploy/stack.py then runs
``gunicorn -c deploy/gunicorn.conf.py deploy.wsgi:application`` with ``GUNICORN_BIND`` and
``GUNICORN_WORKERS`` set. Production, ``make serve`` and the tests run granian
(deploy/granian.env, docs/deploy.md). The ``GUNICORN_*`` variables below are gunicorn's
own, not the app's settings.
"""

import os

# Where nginx reaches the app: a unix socket on one machine, host:port behind a load balancer.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# One sync worker per core (2 unless GUNICORN_WORKERS says): page rendering is CPU-bound and
# nginx buffers slow clients. Compare other counts with `bench/run.py --workers N`.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
# The app is loaded once, before the fork: workers share its memory pages.
preload_app = True
# nginx buffers slow clients; a stuck request is killed rather than holding a worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Only nginx on this machine may set X-Forwarded-Proto.
forwarded_allow_ips = "127.0.0.1"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
