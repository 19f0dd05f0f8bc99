# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: setup demo test lint typecheck unit bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Parallax needs Python 3.11 or newer (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: setup
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/parallax --db $(DEMO_DB) analyze examples/
	$(BIN)/parallax --db $(DEMO_DB) stats
	$(BIN)/parallax --db $(DEMO_DB) stories
	$(BIN)/parallax --db $(DEMO_DB) article b-pacificdispatch-accord

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -q

test: lint typecheck unit

bench: setup
	$(BIN)/python bench/ingest_throughput.py
	$(BIN)/python bench/read_speed.py
	$(BIN)/python bench/gvc_reading.py
	$(BIN)/python bench/plover_actors.py
	$(BIN)/python bench/stories_eval.py
	$(BIN)/python bench/gvc_facts.py
	$(BIN)/python bench/event_types_eval.py
	$(BIN)/python bench/serve_load.py
	$(BIN)/python bench/watch_lag.py
	$(BIN)/python bench/engine_throughput.py
	$(BIN)/python bench/growth_100k.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
