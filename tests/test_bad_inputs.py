"""Bad inputs get a clear one-line error with advice, exit code 2, and never stop the other files."""

from __future__ import annotations

import pytest
from conftest import CORPORA, run_cli, run_json

BROKEN = CORPORA / "broken"
CASES = {
    "legacy.doc": ("E001", "save as .docx"),
    "spec.rtf": ("E001", "save as .docx"),
    "encrypted.docx": ("E002", "Remove the password"),
    "protected.pdf": ("E002", "unprotected copy"),
    "scanned.pdf": ("E003", "OCR"),
    "empty.txt": ("E005", "empty"),
    "damaged.docx": ("E004", "save it again"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_input_is_reported_and_the_good_file_still_linted(name):
    good = CORPORA / "home-care-spec.md"
    code, report = run_json(str(BROKEN / name), str(good))
    assert code == 2
    files = {entry["path"].rsplit("/", 1)[-1]: entry for entry in report["files"]}
    assert set(files) == {name, "home-care-spec.md"}, "no file may be skipped silently"
    error = files[name]["error"]
    expected_code, advice = CASES[name]
    assert error["code"] == expected_code, error
    assert advice.lower() in (error["message"] + " " + error["hint"]).lower()
    assert files["home-care-spec.md"]["error"] is None
    assert len(files["home-care-spec.md"]["findings"]) >= 5


def test_folder_run_reports_every_file_once():
    code, report = run_json(str(BROKEN), str(CORPORA / "home-care-spec.txt"))
    names = sorted(entry["path"].rsplit("/", 1)[-1] for entry in report["files"])
    assert names == sorted([*CASES, "not-really.docx", "home-care-spec.txt"])
    assert code == 2
    assert report["summary"]["errors"] == len(CASES)


def test_html_named_docx_is_read_by_content():
    _, report = run_json(str(BROKEN / "not-really.docx"))
    assert report["files"][0]["format"] == "html"
    assert report["files"][0]["error"] is None


def test_text_errors_are_one_line_without_traceback():
    proc = run_cli(str(BROKEN / "legacy.doc"), str(BROKEN / "damaged.docx"))
    out = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 2
    assert "Traceback" not in out
    error_lines = [line for line in out.splitlines() if ": E00" in line]
    assert len(error_lines) == 2
    assert all(len(line) < 300 for line in error_lines)
