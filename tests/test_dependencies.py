"""The declared dependency bounds: generated constraints, and the libraries loading quietly.

`scripts/test_min_versions.sh` (run by `.ci/run`) installs the lower bounds and runs this file with the
other library-facing tests; here it also runs with whatever versions are installed.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import CORPORA, ROOT, run_cli


def test_constraints_pin_each_runtime_dependency_to_its_lower_bound():
    proc = subprocess.run(
        [sys.executable, "scripts/lower_bounds.py"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    pins = dict(line.split("==") for line in proc.stdout.split())
    assert pins["python-docx"] == "1.2"  # Document.add_comment, used by --annotate
    assert pins["pypdfium2"] == "5.0"  # PdfiumError.err_code, which tells a password from damage
    assert pins["click"] == "8.2.1"  # what spaCy 3.8.18 itself needs; 8.2 made a missing command exit 2
    assert pins["spacy"] == "3.8.18"  # the bundled pipeline's own spacy_version
    assert "tomli" not in pins or sys.version_info < (3, 11)


def test_spacy_pipeline_loads_without_warnings(tmp_path):
    """The bundled pipeline must suit the installed spaCy: no compatibility warning on stderr."""
    (tmp_path / ".tenderlint.toml").write_text('pipeline = "default-spacy"\n', encoding="utf-8")
    (tmp_path / "spec.md").write_bytes((CORPORA / "home-care-spec.md").read_bytes())
    proc = run_cli("spec.md", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.decode() == ""


def test_annotate_works_with_the_installed_python_docx(tmp_path):
    (tmp_path / "spec.docx").write_bytes((CORPORA / "home-care-spec.docx").read_bytes())
    proc = run_cli("spec.docx", "--annotate", "out.docx", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr and (tmp_path / "out.docx").stat().st_size > 0
