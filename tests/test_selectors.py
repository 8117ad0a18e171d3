"""Unknown rule selectors are errors (exit 2) with the nearest real rule suggested, never an empty run."""

from __future__ import annotations

from conftest import CORPORA, run_cli

SPEC = str(CORPORA / "home-care-spec.md")


def test_unknown_selectors_on_the_command_line_exit_2_with_a_suggestion():
    for args, wanted in (
        (("--select", "TL9999"), "did you mean 'TL901'"),
        (("--select", "TL2O1"), "did you mean 'TL201'"),
        (("--ignore", "hourly-rat"), "did you mean 'hourly-rate-payment'"),
        (("--ignore", "foo"), "unknown rule 'foo'"),
    ):
        proc = run_cli(SPEC, *args)
        stderr = proc.stderr.decode()
        assert proc.returncode == 2, (args, stderr)
        assert wanted in stderr and "Traceback" not in stderr, stderr
        assert not proc.stdout


def test_known_selectors_still_work():
    proc = run_cli(SPEC, "--select", "TL2,hourly-rate-payment,ALL", "--ignore", "tl104")
    assert proc.returncode == 1, proc.stderr.decode()


def test_unknown_selectors_in_config_exit_2_naming_the_file(tmp_path):
    (tmp_path / "spec.md").write_text("The Council will pay an hourly rate.\n", encoding="utf-8")
    for body in ('select = ["TL2O1"]\n', 'ignore = ["TL9999"]\n', '[severity]\nTL2O1 = "error"\n'):
        (tmp_path / ".tenderlint.toml").write_text(body, encoding="utf-8")
        proc = run_cli("spec.md", cwd=tmp_path)
        out = proc.stdout.decode() + proc.stderr.decode()
        assert proc.returncode == 2, out
        assert ".tenderlint.toml" in out and "did you mean" in out, out


def test_rule_command_suggests_the_nearest_rule():
    proc = run_cli("rule", "hourly-rate-paymnet")
    assert proc.returncode == 2
    assert "did you mean 'hourly-rate-payment'" in proc.stderr.decode()
