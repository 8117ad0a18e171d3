# Two entry points: `make demo` (install, lint a sample) and `make test` (install, lint the code, run the tests).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test test-min lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Exit code 1 means "findings", which is what the sample is for; 2 (an error) still fails.
demo: $(STAMP)
	$(BIN)/tenderlint corpora/home-care-spec.docx || [ $$? -eq 1 ]

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

# The lowest dependency versions pyproject.toml allows, in .venv-min (see scripts/test_min_versions.sh).
test-min:
	PYTHON=$(PYTHON) scripts/test_min_versions.sh

clean:
	rm -rf $(VENV) .venv-min .pytest_cache .ruff_cache build dist
