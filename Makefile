# Hub CMS — `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
# The suite in one process per core (pytest-xdist, which keeps pytest-django's order: tests
# that empty the database last). The slowest 15 are listed.
PYTEST_PARALLEL := -n auto --durations=15
# More pytest arguments, e.g. make pytest PYTEST_ARGS='-m "not browser"'.
PYTEST_ARGS ?=
# make serve: PORT when given, else 8080 (make demo's 8000 stays free).
SERVE_PORT := $(if $(filter environment command line,$(origin PORT)),$(PORT),8080)

.DEFAULT_GOAL := help
.PHONY: help install demo test pytest lint format check browser-deps gettext-deps messages serve bench a11y-deps audit

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=python3"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

browser-deps: ## Install Debian's Chromium for the browser tests (when root and missing)
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "WARNING: /usr/bin/chromium missing and not root: browser tests will fail"; fi

# make demo's environment: links in the admin's notification e-mails go to where it serves.
DEMO_ENV = DJANGO_SETTINGS_MODULE=settings.dev WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT)

demo: $(STAMP) ## Set up and serve the site with demo content at http://$(HOST):$(PORT)
	$(DEMO_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	$(DEMO_ENV) $(BIN)/python manage.py record_legacy_certificates
	$(DEMO_ENV) $(BIN)/python manage.py ensure_dev_superuser
	@echo "Serving the site at http://$(HOST):$(PORT)/en/"
	$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: $(STAMP) ## Run the production stack (nginx, granian, PostgreSQL, Redis) at http://127.0.0.1:$(SERVE_PORT)
	$(BIN)/python -m deploy.stack serve --port $(SERVE_PORT)

bench: $(STAMP) ## Benchmark the production stack against nginx static (bench/run.py), then a publication's cost by site size (bench/publish_cost.py), then a release's time to live in 6 languages (bench/release.py)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/publish_cost.py
	$(BIN)/python bench/release.py

lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(STAMP) ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations --check --dry-run

gettext-deps: ## Install Debian's gettext for makemessages/compilemessages (when root and missing)
	@if command -v msgfmt >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's gettext"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	else echo "WARNING: gettext missing and not root: makemessages will fail"; fi

messages: $(STAMP) gettext-deps ## Update the interface strings' catalogues (<app>/locale/<lang>/) and compile them
	$(BIN)/python manage.py makemessages -l es -l fr -l de -l it -l pt --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=test-artifacts --ignore=media --ignore=static_collected
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=test-artifacts

AXE_CORE_VERSION := 4.10.3
AXE := node_modules/axe-core/axe.min.js

$(AXE):
	npm install --prefix . --no-save --no-package-lock --no-audit --no-fund axe-core@$(AXE_CORE_VERSION)

LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm install --prefix . --no-save --no-package-lock --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION) axe-core@$(AXE_CORE_VERSION)

audit: $(STAMP) browser-deps $(LIGHTHOUSE) ## Lighthouse (mobile) on the gate, home, article and funders pages; prints the scores
	$(BIN)/python bench/lighthouse_audit.py

a11y-deps: $(AXE) ## Install axe-core from npm (pinned) for the accessibility tests

test: lint check pytest ## Run every check: lint, Django checks, the whole pytest suite (browser included)

pytest: $(STAMP) browser-deps gettext-deps a11y-deps ## The pytest suite alone, in parallel (CI runs it again on PostgreSQL)
	$(BIN)/python -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)
