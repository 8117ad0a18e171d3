"""Options a ruff or Vale user reaches for: --quiet, --statistics, --show-settings, --extend-select,
the concise format, --output-format, --min-severity, `profile` as text, and shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import CORPORA, ROOT, run_cli, run_json

SPEC = str(CORPORA / "home-care-spec.md")


def _codes(report: dict) -> list[str]:
    return [f["code"] for entry in report["files"] for f in entry["findings"]]


def test_quiet_prints_findings_only():
    loud, quiet = run_cli(SPEC), run_cli(SPEC, "-q")
    assert loud.returncode == quiet.returncode == 1
    assert "findings in 1 of 1 document" in loud.stdout.decode()
    assert "findings in" not in quiet.stdout.decode() and "TL201" in quiet.stdout.decode()
    assert quiet.stdout.decode() in loud.stdout.decode()


def test_statistics_counts_findings_per_rule():
    _, report = run_json(SPEC)
    codes = _codes(report)
    proc = run_cli(SPEC, "--statistics")
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    counted = {line.split()[1]: int(line.split()[0]) for line in lines}
    assert counted == {code: codes.count(code) for code in set(codes)}
    assert "hourly-rate-payment [warning]" in proc.stdout.decode()
    as_json = json.loads(run_cli(SPEC, "--statistics", "--format", "json").stdout)
    assert {e["code"]: e["count"] for e in as_json} == counted


def test_show_settings_says_where_each_value_came_from(tmp_path):
    (tmp_path / ".tenderlint.toml").write_text(
        'fail-on = "error"\n[severity]\nTL201 = "info"\n', encoding="utf-8"
    )
    (tmp_path / "spec.md").write_text("Home care will be paid by the hour.\n", encoding="utf-8")
    proc = run_cli("spec.md", "--show-settings", "--ignore", "TL5", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert f"config file: {tmp_path / '.tenderlint.toml'}" in out
    assert 'fail-on = "error"  # .tenderlint.toml' in out
    assert 'severity = {"TL201": "info"}  # .tenderlint.toml' in out
    assert 'ignore = ["TL5"]  # command line' in out
    assert "max-pages = 3000  # default" in out
    assert "TL201" not in out.split("config file")[0]  # nothing was linted


def test_extend_select_adds_to_the_configured_select(tmp_path):
    (tmp_path / ".tenderlint.toml").write_text('select = ["TL2"]\n', encoding="utf-8")
    (tmp_path / "spec.md").write_bytes((CORPORA / "home-care-spec.md").read_bytes())
    only = set(_codes(run_json("spec.md", cwd=tmp_path)[1]))
    extended = set(_codes(run_json("spec.md", "--extend-select", "TL104,TL4", cwd=tmp_path)[1]))
    assert only and all(code.startswith("TL2") for code in only)
    assert extended == only | {"TL104", "TL401"}
    bad = run_cli("spec.md", "--extend-select", "TL1O4", cwd=tmp_path)
    assert bad.returncode == 2 and "did you mean 'TL104'" in bad.stderr.decode()


def test_concise_format_and_output_format_alias():
    _, report = run_json(SPEC)
    proc = run_cli(SPEC, "--output-format", "concise")
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    findings = report["files"][0]["findings"]
    assert len(lines) == len(findings) + 1 and lines[-1].endswith("findings in 1 of 1 document.")
    for line, finding in zip(lines, findings, strict=False):
        loc = finding["location"]
        assert line == (
            f"{SPEC}:{loc['line']}:{loc['column']}: {finding['code']} [{finding['severity']}] "
            f"{finding['name']}: {finding['message']}"
        )
    assert run_cli(SPEC, "--output-format", "json").stdout == run_cli(SPEC, "--format", "json").stdout


def test_concise_format_for_word_documents_names_the_place():
    proc = run_cli(str(CORPORA / "home-care-spec.docx"), "--format", "concise", "-q")
    first = proc.stdout.decode().splitlines()[0]
    assert first.startswith(f"{CORPORA / 'home-care-spec.docx'}:") and "paragraph" in first


def test_min_severity_filters_output_and_exit_code():
    _, report = run_json(SPEC, "--min-severity", "error")
    severities = {f["severity"] for entry in report["files"] for f in entry["findings"]}
    assert severities == {"error"}
    no_infos = run_json(SPEC, "--min-severity", "warning")[1]
    assert "info" not in {f["severity"] for e in no_infos["files"] for f in e["findings"]}
    # Only errors shown, and failing only on errors: the warnings that were hidden cannot fail the run.
    tmp_spec = CORPORA / "good-practice-spec.md"
    assert run_cli(str(tmp_spec), "--min-severity", "error").returncode == 0


def test_profile_is_text_by_default_and_json_on_request():
    text = run_cli("profile", SPEC)
    assert text.returncode == 0
    out = text.stdout.decode()
    assert out.startswith(f"{SPEC}\n") and "weightings:" in out and "price 70%, quality 30%" in out
    data = json.loads(run_cli("profile", "--format", "json", SPEC).stdout)
    assert data[0]["weightings"] == {"price": 70.0, "quality": 30.0}


def test_shell_completion_offers_lint_options_and_commands():
    # Completion is keyed on the installed command's name (_TENDERLINT_COMPLETE), so run the script itself.
    command = str(Path(sys.executable).parent / "tenderlint")

    def complete(words: str, cword: int) -> str:
        env = {
            **os.environ,
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
            "_TENDERLINT_COMPLETE": "bash_complete",
        }
        proc = subprocess.run([command], env=env, capture_output=True, text=True, cwd=ROOT)
        return proc.stdout

    assert "--extend-select" in complete("tenderlint --extend-s", 1)
    assert "profile" in complete("tenderlint pro", 1)
    assert "--output-format" in complete("tenderlint lint --output", 2)
    script = subprocess.run(
        [command],
        env={**os.environ, "_TENDERLINT_COMPLETE": "bash_source"},
        capture_output=True,
        text=True,
    ).stdout
    assert "_tenderlint_completion()" in script
