"""The command line: help, version, rules, rule, stdin, exit codes, and start-up without spaCy."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, run_cli, run_json

from tenderlint import __version__


def test_help_and_version_do_not_import_spacy():
    probe = (
        "import sys\n"
        "from tenderlint.cli import main\n"
        "for args in (['--help'], ['--version'], ['lint', '--help']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('spacy', 'docx', 'pdfplumber', 'pypdfium2', 'lxml') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "HEAVY []" in proc.stdout
    assert f"tenderlint, version {__version__}" in proc.stdout


def test_rules_lists_every_rule():
    proc = run_cli("rules")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    for code in ("TL103", "TL201", "TL202", "TL301", "TL401"):
        assert code in out


def test_rule_explains_by_code_and_name():
    by_code = run_cli("rule", "TL401").stdout.decode()
    by_name = run_cli("rule", "no-lots-without-reasons").stdout.decode()
    assert by_code == by_name
    for heading in ("What it finds", "Why it matters", "What to write instead", "Citations"):
        assert heading in by_code
    assert "https://www.legislation.gov.uk/ukpga/2023/54/section/18" in by_code
    missing = run_cli("rule", "TL999")
    assert missing.returncode == 2 and b"no rule called" in missing.stderr


def test_stdin_with_filename():
    text = "The Council will pay an hourly rate of £21.50 for home care.\n".encode()
    code, report = run_json("-", "--stdin-filename", "draft.md", stdin=text)
    assert code == 1
    assert report["files"][0]["path"] == "draft.md"
    assert report["files"][0]["format"] == "md"
    assert [f["code"] for f in report["files"][0]["findings"]] == ["TL201"]


def test_select_ignore_by_prefix_and_name(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "The Council will pay an hourly rate of £21.50 in 15-minute increments for home care.\n",
        encoding="utf-8",
    )
    _, report = run_json(str(path), "--select", "TL2", "--ignore", "minute-billing")
    assert [f["code"] for f in report["files"][0]["findings"]] == ["TL201"]


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Support is arranged around the outcomes in each person's plan.\n", encoding="utf-8")
    assert run_cli(str(clean)).returncode == 0
    assert run_cli(str(tmp_path / "missing.txt")).returncode == 2
    assert run_cli().returncode == 2  # no paths is a usage error
    assert run_cli(str(clean), "--format", "yaml").returncode == 2


def test_json_schema_shape(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Providers will be paid £19.80 per hour of home care.\n", encoding="utf-8")
    _, report = run_json(str(path))
    assert report["version"] == 1
    assert report["tool"] == {"name": "tenderlint", "version": __version__}
    finding = report["files"][0]["findings"][0]
    assert finding["match"]["text"] == "£19.80 per hour"
    assert finding["location"]["line"] == 1 and finding["location"]["column"] == 24
    assert finding["citations"][0]["url"].startswith("https://www.legislation.gov.uk/")
    assert report["summary"]["findings"] == 1


def test_text_output_marks_the_match(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Home care will be paid by the hour.\n", encoding="utf-8")
    out = run_cli(str(path)).stdout.decode()
    assert f"{path}\n" in out
    assert "1:19: TL201 [warning] hourly-rate-payment" in out
    assert "│ Home care will be paid by the hour." in out
    assert "│                   ^^^^^^^^^^^^^^^^\n" in out
    assert "fix: Set an overall budget" in out
    assert "see: Care Act 2014 s.5(1)-(2) <https://www.legislation.gov.uk/ukpga/2014/23/section/5>" in out
    assert out.rstrip().endswith("1 finding in 1 of 1 document.")


def test_output_file_written(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Home care will be paid by the hour.\n", encoding="utf-8")
    report = tmp_path / "report.json"
    proc = run_cli(str(path), "--format", "json", "-o", str(report))
    assert proc.stdout == b""
    assert '"TL201"' in report.read_text(encoding="utf-8")


def test_progress_on_request_and_never_in_pipes_by_default(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Home care will be paid by the hour.\n", encoding="utf-8")
    shown = run_cli(str(tmp_path), "--progress")
    assert shown.stderr.decode().splitlines() == [f"linted {n}/3 documents" for n in (1, 2, 3)]
    assert run_cli(str(tmp_path)).stderr == b""
    assert "3 findings in 3 of 3 documents." in shown.stdout.decode()
