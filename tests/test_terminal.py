"""What a terminal user sees: colour through pipes, and progress lines only where they help."""

from __future__ import annotations

from conftest import CORPORA, run_cli

SPEC = str(CORPORA / "home-care-spec.md")


def test_color_always_survives_a_pipe():
    # The test's stdout is a pipe, as with `| less -R` or a CI log.
    coloured = run_cli(SPEC, "--color", "always")
    assert coloured.returncode == 1
    assert b"\x1b[" in coloured.stdout
    for mode in ("auto", "never"):
        assert b"\x1b[" not in run_cli(SPEC, "--color", mode).stdout


def test_progress_off_a_terminal_is_a_few_lines_not_one_per_file(tmp_path):
    for number in range(40):
        (tmp_path / f"doc{number:02}.md").write_text(f"Document {number}.\n", encoding="utf-8")
    # stderr is a pipe here: without --progress nothing is shown, with it about one line per tenth.
    quiet = run_cli(str(tmp_path), "--no-cache")
    assert b"linted" not in quiet.stderr
    proc = run_cli(str(tmp_path), "--progress", "--no-cache")
    lines = [line for line in proc.stderr.decode().splitlines() if line.startswith("linted")]
    assert 2 <= len(lines) <= 11, lines
    assert lines[-1] == "linted 40/40 documents"
    assert "\r" not in proc.stderr.decode()
