# Sportello — `make run` starts the whole platform with demo data, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint schema bench bench-forms bench-slots clean help

help:
	@echo "make run     install, start the embedded stack, migrate, load the demo, serve on :8000"
	@echo "make test    run every test"
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

run: $(STAMP)
	$(BIN)/sportello serve --migrate --demo --with-worker

NODE_TOOLS := tests/formio_reference/node_modules/.package-lock.json \
	tests/s3rver/node_modules/.package-lock.json

test: $(STAMP) $(NODE_TOOLS)
	$(BIN)/pytest

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
