"""Configuration is found by walking up from each file; mistakes name the key and the file."""

from __future__ import annotations

from conftest import run_cli, run_json

BAD_TEXT = "The Council will pay an hourly rate of £21.50 for home care. The contract will not be divided into lots.\n"


def _doc(folder, name="spec.txt", text=BAD_TEXT):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(report, index=0):
    return sorted(f["code"] for f in report["files"][index]["findings"])


def test_defaults_flag_both(tmp_path):
    _, report = run_json(str(_doc(tmp_path)))
    assert codes(report) == ["TL201", "TL401"]


def test_pyproject_ignore_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.tenderlint]\nignore = ["TL4"]\n', encoding="utf-8")
    path = _doc(tmp_path / "drafts" / "2026")
    _, report = run_json(str(path))
    assert codes(report) == ["TL201"]


def test_nearest_config_wins_and_cli_overrides(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.tenderlint]\nignore = ["TL4"]\n', encoding="utf-8")
    (tmp_path / "a" / ".tenderlint.toml").parent.mkdir()
    (tmp_path / "a" / ".tenderlint.toml").write_text('select = ["hourly-rate-payment"]\n', encoding="utf-8")
    path = _doc(tmp_path / "a")
    _, report = run_json(str(path))
    assert codes(report) == ["TL201"]
    _, report = run_json(str(path), "--select", "TL401")
    assert codes(report) == ["TL401"]


def test_unknown_key_names_key_and_file(tmp_path):
    config = tmp_path / ".tenderlint.toml"
    config.write_text('selct = ["TL2"]\n', encoding="utf-8")
    proc = run_cli(str(_doc(tmp_path)))
    out = proc.stdout.decode()
    assert proc.returncode == 2
    assert "unknown option 'selct'" in out and str(config) in out


def test_bad_value_names_key(tmp_path):
    (tmp_path / ".tenderlint.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    proc = run_cli(str(_doc(tmp_path)))
    assert proc.returncode == 2
    assert "option 'fail-on' must be one of info, warning, error" in proc.stdout.decode()


def test_fail_on_and_severity_override(tmp_path):
    path = _doc(tmp_path)
    assert run_cli(str(path)).returncode == 1
    assert run_cli(str(path), "--fail-on", "error").returncode == 0
    (tmp_path / ".tenderlint.toml").write_text(
        'fail-on = "error"\n[severity]\nTL201 = "error"\n', encoding="utf-8"
    )
    proc = run_cli(str(path), "--format", "json")
    assert proc.returncode == 1
    assert '"severity": "error"' in proc.stdout.decode()


def test_min_social_value_setting(tmp_path):
    text = "Tenders will be evaluated on price (45%), quality (47%) and social value (8%).\n"
    path = _doc(tmp_path, text=text)
    _, report = run_json(str(path))
    assert codes(report) == ["TL301"]
    assert "8%" in report["files"][0]["findings"][0]["message"]
    (tmp_path / ".tenderlint.toml").write_text("min-social-value-weighting = 5\n", encoding="utf-8")
    _, report = run_json(str(path))
    assert codes(report) == []


def test_regime_and_jurisdiction_switch_citations(tmp_path):
    text = "The contract will not be divided into lots.\n"
    path = _doc(tmp_path, text=text)
    _, report = run_json(str(path))
    assert report["files"][0]["findings"][0]["citations"][0]["id"] == "pa2023-s18-lots"
    (tmp_path / ".tenderlint.toml").write_text('regime = "pcr2015"\n', encoding="utf-8")
    _, report = run_json(str(path))
    assert [c["id"] for c in report["files"][0]["findings"][0]["citations"]] == ["pcr2015-reg46-lots"]


def test_wales_drops_england_only_duties(tmp_path):
    path = _doc(tmp_path, text="Home care will be paid by the hour.\n")
    _, england = run_json(str(path))
    assert "careact-s5-market-shaping" in [c["id"] for c in england["files"][0]["findings"][0]["citations"]]
    (tmp_path / ".tenderlint.toml").write_text('jurisdiction = "wales"\n', encoding="utf-8")
    _, wales = run_json(str(path))
    ids = [c["id"] for c in wales["files"][0]["findings"][0]["citations"]]
    assert ids == ["sswwa2014-s15-16"]
