# Two commands matter: `make demo` (screen the bundled sample register) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test bench clean

$(BIN)/eligibility: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/eligibility

setup: $(BIN)/eligibility

demo: setup
	$(BIN)/eligibility screen sample_households/demo --as-of 2025-11-15 --out out/demo

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/bench_screen.py

clean:
	rm -rf $(VENV) out
