# Protokoll: `make run` sets up and serves; `make test` sets up and runs the whole suite.
# Both are idempotent: they install only what is missing.

VENV        := .venv
BIN         := $(VENV)/bin
PYTHON      ?= python3
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEB_PACKAGES := tesseract-ocr tesseract-ocr-sqi tesseract-ocr-eng poppler-utils
HOME_DIR    ?= ./data
INBOX       ?= ./inbox

.PHONY: run test setup system-deps lint typecheck unit model clean-venv

run: setup
	PROTOKOLL_HOME=$(HOME_DIR) $(BIN)/protokoll train --if-missing
	PROTOKOLL_HOME=$(HOME_DIR) PROTOKOLL_INBOX=$(INBOX) $(BIN)/protokoll serve

test: setup $(VENV)/.dev-installed lint typecheck unit

setup: system-deps $(VENV)/.installed

system-deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

unit: $(VENV)/.dev-installed
	PROTOKOLL_TEST_DATABASE_URL=$$(.ci/ensure-postgres) PROTOKOLL_REQUIRE_POSTGRES=1 \
		OMP_THREAD_LIMIT=1 $(BIN)/pytest

model: setup
	PROTOKOLL_HOME=$(HOME_DIR) $(BIN)/protokoll train

clean-venv:
	rm -rf $(VENV)
