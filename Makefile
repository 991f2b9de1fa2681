# The targets CI and the README call unchanged.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test lint typecheck unit bench clean

$(BIN)/conflictdb: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(BIN)/conflictdb

# `make run` is for local development: webhook receivers on this machine are allowed
# unless the caller says otherwise. The service's own default refuses them.
run: install
	CONFLICTDB_WEBHOOK_ALLOW_PRIVATE=$${CONFLICTDB_WEBHOOK_ALLOW_PRIVATE:-true} $(BIN)/conflictdb serve --ingest-seeds

lint: install
	$(BIN)/ruff check api domain infra tests bench tools
	$(BIN)/ruff format --check api domain infra tests bench tools

typecheck: install
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

bench: install
	@for b in bench/*.py; do echo "# $$b" >&2; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
