# pohon — the two commands a new user needs: `make demo` and `make test`.
#
# Dev tools and the library's dependencies are installed at the versions pinned in
# constraints.txt, so a run next month gives the same result as today. `make test-latest`
# (or `PIN=0 make test`) tests against the newest releases instead, in .venv-latest;
# `make constraints` pins the newest releases again.
PYTHON ?= python3
PIN ?= 1
ifeq ($(PIN),0)
VENV ?= .venv-latest
CONSTRAINTS :=
UPGRADE := --upgrade --upgrade-strategy eager
else
VENV ?= .venv
CONSTRAINTS := -c constraints.txt
UPGRADE :=
endif
BIN := $(VENV)/bin
SRC := src/pohon
PINS := $(if $(CONSTRAINTS),constraints.txt)

.PHONY: demo test test-latest constraints lint typecheck layers docs bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pohon needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade $(CONSTRAINTS) pip

$(VENV)/.installed: $(BIN)/python pyproject.toml $(PINS)
	$(BIN)/python -m pip install --quiet $(UPGRADE) $(CONSTRAINTS) -e '.[diagram,excel]'
	@touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml $(PINS)
	$(BIN)/python -m pip install --quiet $(UPGRADE) $(CONSTRAINTS) -e '.[dev,excel,pandas,diagram]'
	@touch $@ $(VENV)/.installed

## demo: create .venv, install pohon, check the embedded Kota Mojokerto example
demo: $(VENV)/.installed
	$(BIN)/pohon --version
	$(BIN)/pohon example mojokerto -o $(VENV)/mojokerto.yaml --force
	@echo "$(BIN)/pohon check $(VENV)/mojokerto.yaml"
	@$(BIN)/pohon check $(VENV)/mojokerto.yaml; status=$$?; \
	if [ $$status -eq 1 ]; then \
	  echo "Kode keluar 1: contoh ini sengaja memuat temuan error, agar terlihat seperti apa laporannya."; \
	elif [ $$status -ne 0 ]; then exit $$status; fi
	$(BIN)/pohon render $(VENV)/mojokerto.yaml -o $(VENV)/mojokerto.svg --force
	$(BIN)/pohon render $(VENV)/mojokerto.yaml --opd dinkes -o $(VENV)/mojokerto-dinkes.svg --force
	$(BIN)/pohon report $(VENV)/mojokerto.yaml -o $(VENV)/mojokerto.html --force
	$(BIN)/pohon example mojokerto -o $(VENV)/mojokerto.xlsx --force
	$(BIN)/pohon pk $(VENV)/mojokerto.yaml --opd dinkes --year 2025 -o $(VENV)/pk-dinkes-2025.html --force
	$(BIN)/pohon example mojokerto-rancangan -o $(VENV)/mojokerto-rancangan.yaml --force
	$(BIN)/pohon diff $(VENV)/mojokerto-rancangan.yaml $(VENV)/mojokerto.yaml -o $(VENV)/perubahan.html --force
	@echo "Selesai. Buka di peramban: $(VENV)/mojokerto.html (laporan: gambar, temuan, matriks),"
	@echo "  $(VENV)/mojokerto.svg (seluruh pohon) dan $(VENV)/mojokerto-dinkes.svg (bagian Dinkes)."
	@echo "  $(VENV)/mojokerto.xlsx: contoh yang sama sebagai templat Excel (pohon check juga membacanya)."
	@echo "  $(VENV)/pk-dinkes-2025.html: Perjanjian Kinerja Dinkes 2025, siap cetak A4."
	@echo "  $(VENV)/perubahan.html: apa yang diubah asistensi sejak rancangan (pohon diff)."
	@echo "Coba juga: $(BIN)/pohon check $(VENV)/mojokerto.yaml --lang en --format json"

## test: create .venv with the pinned dev tools; lint, type check, layer check, tests, notebooks
test: $(VENV)/.installed-dev lint typecheck layers
	$(BIN)/python -m pytest

## test-latest: the same, with the newest releases of every dependency, in .venv-latest
test-latest:
	rm -f .venv-latest/.installed .venv-latest/.installed-dev
	$(MAKE) test PIN=0

## constraints: pin the newest releases of the dev tools and their dependencies
constraints:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet -e '.[dev,excel,pandas,diagram]'
	{ echo "# Versions of every dev tool and dependency that make test installs (pip -c)."; \
	  echo "# Made by make constraints from a fresh venv; pyproject.toml keeps ranges."; \
	  .venv-lock/bin/python -m pip freeze --all --exclude-editable | grep -v '^setuptools=='; \
	} > constraints.txt
	rm -rf .venv-lock

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
	rm -rf .venv .venv-latest .venv-lock .pytest_cache .mypy_cache .ruff_cache
