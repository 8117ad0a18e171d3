#!/usr/bin/env bash
# Install every runtime dependency at the lowest version pyproject.toml allows, in a separate virtualenv
# (.venv-min), and run the tests that exercise those libraries directly: parsing each format
# (python-docx, pypdfium2, pdfplumber, lxml, markdown-it-py), annotated copies (python-docx), the
# command line (click, pluggy, pathspec, PyYAML) and the spaCy engine. A lower bound that does not
# work fails here, not on a user's machine. The virtualenv is rebuilt only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${MIN_VENV:-.venv-min}"
PYTHON="${PYTHON:-python3}"
STAMP="$VENV/.installed-$(cksum < pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$STAMP" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$PYTHON" scripts/lower_bounds.py > "$VENV/constraints.txt"
  "$VENV/bin/python" -m pip install --quiet -c "$VENV/constraints.txt" -e '.[test]'
  touch "$STAMP"
fi
"$VENV/bin/python" scripts/lower_bounds.py --check
"$VENV/bin/python" -m pytest -q -p no:cacheprovider \
  tests/parsers tests/test_formats.py tests/test_annotate.py tests/test_bad_inputs.py \
  tests/test_cli.py tests/test_excludes.py tests/test_selectors.py tests/test_engines.py \
  tests/test_dependencies.py "$@"
