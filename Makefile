# Two commands matter: `make demo` (screen the bundled sample register) and `make test`.
# In the edit loop: `make test-fast` (leaves out the tests marked slow, on both cores: about 30 CPU-s, 17 s) and `make lint`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Bytecode kept in the virtualenv's folder, not beside the sources (`make clean` removes it), even where
# the environment says PYTHONDONTWRITEBYTECODE=1: without it every test worker and every command a test
# starts compiles the package and the tests from source again (a third of `make test-fast`'s CPU).
RUN    := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache

.PHONY: setup demo test test-fast lint browser bench wheel-check clean

$(BIN)/eligibility: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/eligibility

setup: $(BIN)/eligibility

demo: setup
	$(RUN) $(BIN)/eligibility screen sample_households/demo --as-of 2025-11-15 --out out/demo

# The suite on every core (pytest-xdist): the tests are independent (each writes under its own tmp_path).
# --dist loadfile: a file's tests go to one worker, so a module's fixtures (a generated register and its
# screenings, a Dask cluster, the scenarios' batch) are made once, not once per worker: 17 % fewer
# CPU-seconds on the parts, diff and audit-report files, and no longer a wall clock.
test: setup browser
	$(RUN) $(BIN)/python -m pytest -n auto --dist loadfile

test-fast: setup
	$(RUN) $(BIN)/python -m pytest -n auto --dist loadfile -m "not slow"

# ruff's rules, the import layers (pyproject.toml [tool.importlinter]) and mypy (pyproject.toml [tool.mypy])
lint: setup
	$(BIN)/ruff check eligibility tests scenarios bench rules
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

# The HTML-report test renders the report in headless Chromium. Missing: as root, Debian's package
# is installed; otherwise make stops with the one command to run (or ELIGIBILITY_CHROMIUM=/path).
browser:
	@if [ -n "$$ELIGIBILITY_CHROMIUM" ] || [ "$$ELIGIBILITY_SKIP_BROWSER" = 1 ] \
	    || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the HTML-report test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "make test needs headless Chromium for the HTML-report test. Install it with:"; \
	  echo "    sudo apt-get install -y chromium"; \
	  exit 1; \
	fi

bench: setup
	$(BIN)/python bench/bench_screen.py

# The package as a user installs it: a wheel, in a fresh virtualenv, outside the checkout.
wheel-check:
	bash .ci/wheel-check

clean:
	rm -rf $(VENV) out dist build
