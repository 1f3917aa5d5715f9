# Two commands from a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-at eval bench lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dealbot demo

test: $(STAMP)
	$(BIN)/python -m pytest

# the whole suite with the clock started at fixed instants (time-machine): a test that depends
# on today's date fails here, not on some Monday in CI
AT ?= 2026-11-30T10:00:00+00:00
test-at: $(STAMP)
	$(BIN)/python -m pytest --at $(AT)

eval: $(STAMP)
	$(BIN)/python -m tools.evaluate $(if $(LABELS),--labels $(LABELS))

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check bot handlers tests tools bench
	$(BIN)/ruff format --check bot handlers tests tools bench

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache bench/.cache
