"""The Python API gives the command line's findings, on real files and on text."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from conftest import CORPORA, ROOT, run_json

import tenderlint
from tenderlint.errors import ConfigError


def _json_findings(path: str, *args: str) -> list[tuple]:
    _, report = run_json(path, *args)
    return [(f["code"], f["location"]["description"], f["message"]) for f in report["files"][0]["findings"]]


def test_lint_paths_matches_the_command_line():
    for name in ("home-care-spec.md", "home-care-spec.docx"):
        path = str(CORPORA / name)
        (result,) = tenderlint.lint_paths([path])
        assert result.error is None
        got = [(f.code, f.location.describe(), f.message) for f in result.findings]
        assert got == _json_findings(path)
    (selected,) = tenderlint.lint_paths([CORPORA / "home-care-spec.md"], select=["TL2"], ignore=["TL206"])
    codes = {f.code for f in selected.findings}
    assert codes and all(c.startswith("TL2") for c in codes) and "TL206" not in codes


def test_lint_text_uses_the_filename_for_format_and_config(tmp_path):
    text = (CORPORA / "home-care-spec.md").read_text(encoding="utf-8")
    result = tenderlint.lint_text(text, filename="draft.md")
    assert result.path == "draft.md" and result.format == "md"
    assert [f.code for f in result.findings] == [
        c for c, _, _ in _json_findings(str(CORPORA / "home-care-spec.md"))
    ]
    (tmp_path / ".tenderlint.toml").write_text('ignore = ["TL2"]\n', encoding="utf-8")
    configured = tenderlint.lint_text(text, filename=str(tmp_path / "draft.md"))
    assert configured.findings and not any(f.code.startswith("TL2") for f in configured.findings)


def test_unreadable_files_are_results_and_bad_selectors_raise(tmp_path):
    (missing,) = tenderlint.lint_paths([tmp_path / "nope.docx"])
    assert missing.error is not None and missing.error.code == "E006"
    with pytest.raises(ConfigError, match="did you mean 'TL201'"):
        tenderlint.lint_paths([CORPORA / "home-care-spec.md"], select=["TL2O1"])


def test_import_is_light_and_the_package_is_typed(tmp_path):
    probe = "import sys, tenderlint; print(sorted(m for m in ('tenderlint.api', 'click', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert (ROOT / "src" / "tenderlint" / "py.typed").is_file()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("tenderlint-*.whl")
    assert "tenderlint/py.typed" in zipfile.ZipFile(wheel).namelist()
