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
