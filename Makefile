# DânVận — the two commands that matter: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_ENV := UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=$(VENV) UV_LINK_MODE=copy
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run test test-fast test-browser lint format typecheck migrations-check messages compilemessages check-deploy collectstatic-check clean

help:
	@echo "make run    — install, migrate, load demo data once, start the web server and the task consumer"
	@echo "make test   — install and run the whole test suite (SQLite; PostgreSQL + Redis with DATABASE_URL/REDIS_URL)"
	@echo "make lint | typecheck | migrations-check | messages | compilemessages | check-deploy | collectstatic-check"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "DânVận cần Python ≥ 3.12 / needs Python >= 3.12"'
	$(PYTHON) -m venv $(VENV)

$(UV): | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"

# Locked Python dependencies (uv.lock) and npm assets (package-lock.json); translations compiled.
install: $(UV)
	$(UV_ENV) $(UV) sync --frozen --inexact --quiet
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent vendor
	@$(MAKE) --no-print-directory compilemessages

compilemessages: | $(BIN)/python
	@for po in locale/*/LC_MESSAGES/django.po; do \
		$(BIN)/pybabel compile -i $$po -o $${po%.po}.mo >/dev/null 2>&1 || { echo "cannot compile $$po"; exit 1; }; \
	done

messages: | $(BIN)/python
	$(MANAGE) makemessages --locale vi --locale en --ignore ".venv/*" --ignore "node_modules/*" --ignore "bench/*" --ignore "tests/*" --no-obsolete

run: install
	DEBUG=$${DEBUG:-true} $(MANAGE) migrate --no-input
	DEBUG=$${DEBUG:-true} $(MANAGE) demo_load --once
	@echo ""
	@echo "DânVận: http://$(HOST):$(PORT)/  (Ctrl+C to stop the web server and the task consumer)"
	@export DANVAN_SITE_URL=$${DANVAN_SITE_URL:-http://$(HOST):$(PORT)}; \
		DEBUG=$${DEBUG:-true} $(MANAGE) run_huey --quiet & HUEY_PID=$$!; \
		trap 'kill $$HUEY_PID 2>/dev/null; wait $$HUEY_PID 2>/dev/null' EXIT INT TERM; \
		DEBUG=$${DEBUG:-true} $(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast:
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

test-browser:
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

# lint = ruff (code) + import-linter (the layers between apps, contracts in .importlinter)
.PHONY: lint-code lint-imports
lint: lint-code lint-imports

lint-code:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint-imports:
	$(BIN)/lint-imports

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck:
	$(BIN)/mypy config danvan

migrations-check:
	DEBUG=true $(MANAGE) makemigrations --check --dry-run

check-deploy:
	DEBUG=false SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
		ALLOWED_HOSTS=danvan.example.gov.vn DANVAN_SITE_URL=https://danvan.example.gov.vn \
		$(MANAGE) check --deploy --fail-level WARNING

# collectstatic with production settings (manifest storage) into a throw-away STATIC_ROOT: a missing
# file that a vendored asset refers to fails here instead of turning every page into a 500.
collectstatic-check:
	@root=$$(mktemp -d) && trap 'rm -rf "$$root"' EXIT && \
		DEBUG=false SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
		ALLOWED_HOSTS=danvan.example.gov.vn STATIC_ROOT="$$root" \
		$(MANAGE) collectstatic --no-input --verbosity 0 && echo "collectstatic: ok"

clean:
	rm -rf $(VENV) node_modules var/vendor
