# The README's commands. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run serve test lint format check bench evidence lock clean

## run: set up everything needed and serve the site on http://127.0.0.1:8000/ (debug mode)
run: $(VENV)/.runtime-installed .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed
	$(BIN)/python manage.py ensure_local_admin
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## serve: production mode — gunicorn, WhiteNoise, settings from the real environment only (no .env
##        unless DJANGO_ENV_FILE names one). Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS; see docs/deployment.md.
serve: $(VENV)/.runtime-installed
	DJANGO_ENV_FILE=$${DJANGO_ENV_FILE:-/dev/null} $(BIN)/python manage.py migrate --noinput
	DJANGO_ENV_FILE=$${DJANGO_ENV_FILE:-/dev/null} $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_ENV_FILE=$${DJANGO_ENV_FILE:-/dev/null} $(BIN)/gunicorn comparesite.wsgi --config comparesite/gunicorn.conf.py

## test: install the dev requirements (and, when npm is on PATH, axe-core from package-lock.json) if needed
##       and run the whole pytest suite. Without npm the accessibility tests skip (fail in CI).
NPM := $(shell command -v npm 2>/dev/null)
test: $(VENV)/.dev-installed $(if $(NPM),node_modules/.installed)
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

## lint: ruff's checks and formatting, without changing files
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## format: apply ruff's fixes and formatting
format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## check: migrations match the models, Django's system checks pass with production settings,
##        and the OpenAPI schema validates without warnings
CHECK_ENV := DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=compare.example.org DJANGO_SECRET_KEY=check-only-$$(printf '%060d' 0)-not-a-real-key DJANGO_ENV_FILE=/dev/null
check: $(VENV)/.runtime-installed
	$(CHECK_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(CHECK_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(CHECK_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(CHECK_ENV) $(BIN)/python manage.py spectacular --validate --fail-on-warn --file /dev/null

## bench: the production-mode benchmark (PostgreSQL and Redis on loopback, wrk from Debian's packages);
##        BENCH_SIZE=both (the default: one shape after the other), default (200 × 500, evenly shaped),
##        real (17 × 17,000, shaped like a published compatibility matrix) or small (20 × 50). Writes
##        docs/benchmarks.md (both) or docs/benchmarks-<size>.md. Takes about 75 minutes (both).
BENCH_SIZE ?= both
BENCH_OUTPUT := docs/benchmarks$(if $(filter-out both,$(BENCH_SIZE)),-$(BENCH_SIZE)).md
bench: $(VENV)/.runtime-installed
	$(BIN)/python -m bench.run --size $(BENCH_SIZE) --output $(BENCH_OUTPUT)

## evidence: run every probe (probes/, docs/evidence.md) on the latest release of each seed framework and
##           the newest releases of Django's and Flask's last three minor series, bisecting "since"
##           for presence probes, in a scratch database loaded from the seed; then write the results
##           into the seed (fixtures/python-web-frameworks.json). Release environments are cached
##           (EVIDENCE_CACHE_DIR); Pythons from EVIDENCE_PYTHONS, else pyenv's, else python3.1x on PATH.
EVIDENCE_DB := $(CURDIR)/.evidence.sqlite3
EVIDENCE_PYTHONS ?= $(subst $(eval) ,$(comma),$(strip $(wildcard $(HOME)/.pyenv/versions/3.1*/bin/python3)))
comma := ,
EVIDENCE_ENV := DATABASE_URL=sqlite:///$(EVIDENCE_DB) EVIDENCE_PYTHONS=$(EVIDENCE_PYTHONS) REDIS_URL=
evidence: $(VENV)/.dev-installed .env
	rm -f $(EVIDENCE_DB)
	$(EVIDENCE_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	$(EVIDENCE_ENV) $(BIN)/python manage.py seed --verbosity 0
	$(EVIDENCE_ENV) $(BIN)/python manage.py write_example_probes
	$(EVIDENCE_ENV) $(BIN)/python manage.py collect_evidence --release latest --bisect
	$(EVIDENCE_ENV) $(BIN)/python manage.py collect_evidence --framework django --framework flask --release series:3
	$(EVIDENCE_ENV) $(BIN)/python manage.py export_dataset --output fixtures/python-web-frameworks.json
	rm -f $(EVIDENCE_DB)

## lock: recompile requirements.txt and requirements-dev.txt (exact versions, with hashes) from
##        requirements.in and requirements-dev.in, after editing those. Resolves against the default
##        public index only (this machine's pip configuration is ignored), so the hashes are the ones
##        any machine downloads. Existing pins are kept unless an .in file asks otherwise.
PIP_COMPILE := env -u PIP_CONSTRAINT -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: $(VENV)/.dev-installed
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "comparesite needs Python 3.11 or newer; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# The test suite's Node tools (axe-core), exactly as package-lock.json pins them; reinstalled only when
# package.json or the lock file changed. Only a dependency of `test` when npm is on PATH.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Local development settings: debug on and a random secret key, never committed.
.env:
	@printf 'DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote .env for local development (debug on). See .env.example for every setting."
