# Sportello — `make run` starts the whole platform with demo data, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-python test-dates test-frontend e2e frontend client-python check-clients lint schema bench bench-forms bench-slots clean help

help:
	@echo "make run     install, start the embedded stack, migrate, load the demo, serve on :8000"
	@echo "make test    run every test (test-python, test-dates, then test-frontend)"
	@echo "make test-python    the server's tests (pytest)"
	@echo "make test-dates     the date-sensitive server tests again, on a clock set to each hard day"
	@echo "make test-frontend  client drift, types, component tests (Vitest), build, end-to-end (Chromium)"
	@echo "make frontend       build the frontend into frontend/dist (make run does it)"
	@echo "make client-python  regenerate the partners' Python client in codegen/python"
	@echo "make lint    ruff and mypy"
	@echo "make schema  regenerate codegen/schema.graphql"
	@echo "make bench   catalogue benchmark (prints requests/s and latency percentiles)"
	@echo "make bench-forms  time to validate a 200-field Form.io submission"
	@echo "make bench-slots  time to compute a month of free slots of a 4-desk calendar"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		(echo "Python 3.11 or newer is required (set PYTHON=...)"; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP) frontend
	$(BIN)/sportello serve --migrate --demo --with-worker

FRONTEND_DEPS := frontend/node_modules/.package-lock.json

$(FRONTEND_DEPS): frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund

# Typed client (codegen), type check, the two bundles and the default theme stylesheet.
frontend: $(FRONTEND_DEPS)
	npm --prefix frontend run build

NODE_TOOLS := tests/formio_reference/node_modules/.package-lock.json \
	tests/s3rver/node_modules/.package-lock.json

test: test-python test-dates test-frontend

# Two processes (pytest-xdist), each on a world of its own (tests/conftest.py); a module's tests
# stay in one process, so its fixtures are made once. PYTEST_WORKERS=0 runs them in this process.
PYTEST_WORKERS ?= 2

test-python: $(STAMP) $(NODE_TOOLS) $(FRONTEND_DEPS)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile

# Instants the suite must pass at, each at an hour that crosses something while it runs:
# Christmas Eve before the registry closes (two holidays follow), the year's last two minutes,
# two minutes before the clocks jump to summer time, Easter Monday, the eve of Bugliano's
# patron saint (10 August), the hour that repeats when the clocks go back, a leap day's end.
HARD_DAYS := 2026-12-24T11:55:00+01:00 2026-12-31T23:58:00+01:00 2027-03-28T01:58:00+01:00 \
	2027-04-05T09:00:00+02:00 2027-08-09T18:00:00+02:00 2027-10-31T02:30:00+02:00 \
	2028-02-29T23:58:00+01:00

# The tests marked date_sensitive, once per hard day, with the session's clock (pytest, and the
# server, worker and CLI it starts) set there by SPORTELLO_TEST_CLOCK (tests/clock.py); two
# days at a time, each on embedded servers of its own (whatever the store URLs say); a day's
# output is shown when it fails.
test-dates: $(STAMP) $(NODE_TOOLS) $(FRONTEND_DEPS)
	@printf '%s\n' $(HARD_DAYS) | xargs -P 2 -n 1 sh -c '\
		dir=$$(mktemp -d); \
		env -u DATABASE_URL -u MONGODB_URL -u REDIS_URL \
			SPORTELLO_TEST_CLOCK=$$1 SPORTELLO_TEST_DATA_DIR=$$dir $(BIN)/pytest -m date_sensitive -p no:cacheprovider > $$dir/pytest.log 2>&1; \
		code=$$?; [ $$code -eq 0 ] || cat $$dir/pytest.log; \
		echo "== the date-sensitive tests with the clock at $$1: $$(tail -n 1 $$dir/pytest.log)"; \
		rm -rf $$dir; exit $$(( code ? 1 : 0 ))' hard-day

test-frontend: $(STAMP) check-clients frontend
	npm --prefix frontend test
	npm --prefix frontend run e2e

e2e: $(STAMP) frontend
	npm --prefix frontend run e2e

CLIENT_VENV := codegen/python/.venv

$(CLIENT_VENV)/.installed: codegen/python/requirements.txt
	$(PYTHON) -m venv $(CLIENT_VENV)
	$(CLIENT_VENV)/bin/pip install --quiet -r codegen/python/requirements.txt
	@touch $@

client-python: $(CLIENT_VENV)/.installed
	cd codegen/python && .venv/bin/ariadne-codegen

GENERATED := frontend/src/gql codegen/python/sportello_client

# Regenerates both clients (a document that no longer matches the schema fails here); in CI
# (CI=1, set by .ci/run) the result must equal what is committed. The schema must not break what
# main served unless the break is announced in codegen/BREAKING.md.
check-clients: $(FRONTEND_DEPS) client-python
	npm --prefix frontend run codegen
	@if [ -n "$$CI" ] && [ -n "$$(git status --porcelain -- $(GENERATED))" ]; then \
		git status --short -- $(GENERATED); \
		echo "the generated clients are stale: run make check-clients and commit them"; exit 1; fi
	npm --prefix frontend run schema-diff

# Node.js tools of the tests: @formio/core (the reference validator) and s3rver (an S3 server).
tests/%/node_modules/.package-lock.json: tests/%/package-lock.json
	npm ci --prefix tests/$* --no-audit --no-fund

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

schema: $(STAMP)
	$(BIN)/sportello export-schema

bench: $(STAMP)
	$(BIN)/python bench/catalogue.py

bench-forms: $(STAMP)
	$(BIN)/python bench/formio_validation.py

bench-slots: $(STAMP)
	$(BIN)/python bench/slots.py

clean:
	-$(BIN)/sportello embedded stop
	rm -rf $(VENV) .sportello
