# pohon — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SRC := src/pohon

.PHONY: demo test lint typecheck layers docs bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pohon needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,excel,pandas]'
	@touch $@ $(VENV)/.installed

## demo: create .venv, install pohon, check the embedded Kota Mojokerto example
demo: $(VENV)/.installed
	$(BIN)/pohon --version
	$(BIN)/pohon example mojokerto -o $(VENV)/mojokerto.yaml
	-$(BIN)/pohon check $(VENV)/mojokerto.yaml
	@echo "Selesai. Coba juga: $(BIN)/pohon check $(VENV)/mojokerto.yaml --lang en --format json"

## test: create .venv with the dev tools; lint, type check, layer check, tests, notebooks
test: $(VENV)/.installed-dev lint typecheck layers
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

layers: $(VENV)/.installed-dev
	$(BIN)/lint-imports

docs: $(VENV)/.installed-dev
	$(BIN)/python -m pohon.render.docs docs/rules.md

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
