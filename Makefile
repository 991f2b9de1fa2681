# The targets CI and the README call unchanged.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
RUNTIME_LOCK := requirements-runtime.lock

.PHONY: install lock run test lint typecheck unit bench fuzz clean browser

# The lock file decides every version (with hashes); pyproject.toml only states ranges.
$(BIN)/conflictdb: pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	@touch $@

# The web page's front-end packages, exactly as package-lock.json says (no install scripts run).
NODE_DEPS := node_modules/.package-lock.json
$(NODE_DEPS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

install: $(BIN)/conflictdb $(NODE_DEPS)

# The browser tests (tests/web) drive Debian's chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update && $$SUDO apt-get install -y chromium; }

# Refresh the lock on purpose (newest versions the ranges in pyproject.toml allow), then its
# runtime subset for the Docker image: the same versions (constrained by the full lock), no dev
# tools, plus setuptools (from stdin) to build the project without build isolation.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --upgrade -o $(LOCK)
	echo "setuptools>=68" | $(BIN)/uv pip compile pyproject.toml - -c $(LOCK) --generate-hashes --python-version 3.11 \
		--custom-compile-command "make lock" -o $(RUNTIME_LOCK)

# `make run` is for local development: webhook receivers on this machine are allowed
# unless the caller says otherwise. The service's own default refuses them.
run: install
	CONFLICTDB_WEBHOOK_ALLOW_PRIVATE=$${CONFLICTDB_WEBHOOK_ALLOW_PRIVATE:-true} $(BIN)/conflictdb serve --ingest-seeds

lint: install
	$(BIN)/ruff check api application domain infra tests bench tools
	$(BIN)/ruff format --check api application domain infra tests bench tools

typecheck: install
	$(BIN)/mypy

test: lint typecheck browser
	$(BIN)/pytest

# Schemathesis over the whole OpenAPI of the served app (a few minutes; FUZZ_MAX_EXAMPLES per
# operation, default 10; FUZZ_SEED to repeat a run). Not part of `make test`.
fuzz: install
	$(BIN)/pytest -m fuzz tests/fuzz -p no:cacheprovider

bench: install browser
	@for b in bench/*.py; do echo "# $$b" >&2; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
