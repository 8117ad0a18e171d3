"""Setup and output errors: every one is a plain message and exit code 2, never a traceback and never
exit code 1 (which CI reads as "there are findings"), with or without --exit-zero.

Each case is a real configuration, pack, plugin, baseline, cache entry or output location that once
stopped the run with a Python traceback.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_files import GOOD, config, pack_rule, symlink, write

DEEP_JSON = "[" * 200_000 + "]" * 200_000
PLUGIN = """
import sys
from tenderlint.plugin.hookspecs import hookimpl
{body}
"""


def assert_error(proc, *words: str) -> None:
    """Exit code 2, one readable message naming the problem, no traceback."""
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    for word in words:
        assert word in err or word in proc.stdout.decode("utf-8", "replace"), (word, err[-2000:])


def spec(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(GOOD, folder / "spec.md"))


CONFIGS = {
    "tool-not-a-table": ("pyproject.toml", "[tool]\ntenderlint = 5\n", "must be a table"),
    "deep-toml": ("pyproject.toml", "[tool.x]\na = " + "[" * 5000 + "]" * 5000 + "\n", "nested"),
    "huge-timeout": (".tenderlint.toml", "timeout-seconds = 10000000\n", "timeout-seconds"),
    "huge-file-size": (".tenderlint.toml", "max-file-size-mb = 30000\n", "max-file-size-mb"),
    "huge-memory": (".tenderlint.toml", "max-memory-mb = 9223372036854775807\n", "max-memory-mb"),
    "float-memory": (".tenderlint.toml", "max-memory-mb = 1e20\n", "max-memory-mb"),
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_unusable_settings_are_config_errors(tmp_path: Path, case: str) -> None:
    name, text, words = CONFIGS[case]
    write(tmp_path / name, text)
    proc = run_cli(str(spec(tmp_path)), "--no-cache", "--exit-zero", cwd=tmp_path)
    assert_error(proc, words)


@pytest.mark.parametrize(
    "extra",
    [
        "    unless-nearby: {pattern: reasons?, blocks: [1]}",  # found by fuzz/main_process.py
        "    unless-nearby: [reasons]",
        "    number: {at-least: [15]}",
        "    alt-citations: [x]",
    ],
)
def test_wrongly_typed_pack_fields(tmp_path: Path, extra: str) -> None:
    write(tmp_path / "pack.yaml", pack_rule() + extra + "\n")
    config(tmp_path, 'rule-packs = ["pack.yaml"]\n')
    proc = run_cli(str(spec(tmp_path)), "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr + proc.stdout
    assert b"E007" in proc.stdout, proc.stdout[-800:]


def test_nested_citation_ids_in_a_pack(tmp_path: Path) -> None:
    write(tmp_path / "pack.yaml", pack_rule(citations="[[careact-s1-wellbeing]]"))
    config(tmp_path, 'rule-packs = ["pack.yaml"]\n')
    assert_error(run_cli(str(spec(tmp_path)), "--no-cache", cwd=tmp_path), "citations")


@pytest.mark.parametrize("target", ["missing/report.json", "in/spec.md/report.json", "/dev/full"])
@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_that_cannot_be_written(tmp_path: Path, option: str, target: str) -> None:
    """A missing folder, a "folder" that is a file, a full disk (/dev/full is one, where it exists)."""
    if target == "/dev/full" and not Path("/dev/full").is_char_device():
        pytest.skip("this system has no /dev/full")
    proc = run_cli(str(spec(tmp_path / "in")), "--no-cache", "--exit-zero", option, target, cwd=tmp_path)
    assert_error(proc, target)
    if target == "/dev/full":
        assert Path("/dev/full").is_char_device()  # written to, never replaced by a file


def test_output_to_a_device_is_written_not_replaced(tmp_path: Path) -> None:
    proc = run_cli(str(spec(tmp_path)), "--no-cache", "-o", os.devnull)
    assert proc.returncode == 1, proc.stderr.decode()
    assert Path(os.devnull).is_char_device()


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_onto_the_input_is_refused(tmp_path: Path, option: str) -> None:
    document = spec(tmp_path)
    before = document.read_bytes()
    assert_error(run_cli(str(document), "--no-cache", option, str(document)), "would overwrite")
    folder_run = run_cli(str(tmp_path), "--no-cache", option, str(document))
    assert_error(folder_run, "would overwrite")
    assert document.read_bytes() == before


def test_deeply_nested_baseline(tmp_path: Path) -> None:
    write(tmp_path / "baseline.json", DEEP_JSON)
    proc = run_cli(str(spec(tmp_path)), "--no-cache", "--baseline", str(tmp_path / "baseline.json"))
    assert_error(proc, "baseline")


def test_baseline_with_wrong_types(tmp_path: Path) -> None:
    write(tmp_path / "baseline.json", json.dumps({"findings": [{"path": [], "code": {}, "fingerprint": 1}]}))
    proc = run_cli(str(spec(tmp_path)), "--no-cache", "--baseline", str(tmp_path / "baseline.json"))
    assert_error(proc, "baseline")


def _cache_entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json"))


@pytest.mark.parametrize(
    "damage",
    [
        "deep",
        "suppressed-text",
        "words-list",
        "findings-dict",
        "span-text",
        "trail-number",
        "notes-nested",
        "block-index-text",
    ],
)
def test_damaged_cache_entry_is_recomputed(tmp_path: Path, damage: str) -> None:
    """A cache entry with wrongly typed fields is ignored: the report is exactly the --no-cache one."""
    cache = tmp_path / "cache"
    document = spec(tmp_path / "docs")
    env = {"TENDERLINT_CACHE_DIR": str(cache)}
    fresh = run_cli(str(document), "--format", "json", "--no-cache", env=env)
    first = run_cli(str(document), "--format", "json", env=env)
    assert first.stdout == fresh.stdout
    (entry,) = _cache_entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    finding = data["findings"][0]
    if damage == "deep":
        entry.write_text(DEEP_JSON, encoding="utf-8")
    else:
        if damage == "suppressed-text":
            data["suppressed"] = "3"
        elif damage == "words-list":
            data["words"] = [1]
        elif damage == "findings-dict":
            data["findings"] = {"a": 1}
        elif damage == "span-text":
            finding["span"] = ["1", "2"]
        elif damage == "trail-number":
            finding["location"]["trail"] = [1, 2]
        elif damage == "notes-nested":
            data["notes"] = [["x"]]
        elif damage == "block-index-text":
            finding["block_index"] = "zero"
        entry.write_text(json.dumps(data), encoding="utf-8")
    again = run_cli(str(document), "--format", "json", env=env)
    assert again.returncode == fresh.returncode, again.stderr.decode()
    assert "Traceback" not in again.stderr.decode()
    assert again.stdout == fresh.stdout


@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_clean_refuses_what_is_not_a_cache_folder(tmp_path: Path, kind: str) -> None:
    keep = tmp_path / "precious"
    keep.mkdir()
    write(keep / "thesis.txt", "not a cache")
    cache = tmp_path / "cache"
    if kind == "file":
        write(cache, "a file")
    else:
        symlink(cache, str(keep))
    proc = run_cli("clean", env={"TENDERLINT_CACHE_DIR": str(cache)})
    assert_error(proc, str(cache))
    assert (keep / "thesis.txt").exists()


PLUGINS = {
    "raises-in-hook": (
        "@hookimpl\ndef tenderlint_rules():\n    raise RuntimeError('plugin bug')\n",
        "plugin bug",
    ),
    "wrong-answer": ("@hookimpl\ndef tenderlint_rule_packs():\n    return 5\n", "tenderlint_rule_packs"),
    "bad-rule-class": ("@hookimpl\ndef tenderlint_rules():\n    return [int]\n", "no rule metadata"),
    "raises-in-reporters": (
        "@hookimpl\ndef tenderlint_reporters():\n    raise ValueError('no reporters today')\n",
        "no reporters today",
    ),
    "exits-in-hook": ("@hookimpl\ndef tenderlint_citations():\n    sys.exit('bye')\n", "bye"),
}


def _install_plugin(tmp_path: Path, body: str) -> dict:
    """A real plugin: a module and a dist-info entry point on PYTHONPATH, loaded by importlib.metadata."""
    site = tmp_path / "site"
    write(site / "hostile_plugin.py", PLUGIN.format(body=body))
    dist = site / "hostile_plugin-1.0.dist-info"
    write(dist / "METADATA", "Metadata-Version: 2.1\nName: hostile-plugin\nVersion: 1.0\n")
    write(dist / "entry_points.txt", "[tenderlint]\nhostile = hostile_plugin\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


@pytest.mark.parametrize("case", sorted(PLUGINS))
def test_plugin_failures_are_errors(tmp_path: Path, case: str) -> None:
    body, words = PLUGINS[case]
    env = _install_plugin(tmp_path, body)
    assert_error(run_cli(str(spec(tmp_path)), "--no-cache", "--exit-zero", env=env), words)


def test_plugin_that_exits_at_import_is_reported_and_skipped(tmp_path: Path) -> None:
    env = _install_plugin(tmp_path, "sys.exit(1)\n")
    proc = run_cli(str(spec(tmp_path)), "--no-cache", env=env)
    err = proc.stderr.decode()
    assert "plugin 'hostile'" in err and "failed to load" in err
    assert proc.returncode == 1  # findings: the run went on without the plugin
    assert "Traceback" not in err


INTERNAL_ERRORS = {
    "bug-in-a-reporter": (
        "@hookimpl\ndef tenderlint_reporters():\n    class R:\n        def render(self, results, context):\n"
        "            raise KeyError('reporter bug')\n    return {'broken': R()}\n",
        ["--format", "broken"],
    ),
    "reporter-exits-1": (
        "@hookimpl\ndef tenderlint_reporters():\n    class R:\n        def render(self, results, context):\n"
        "            sys.exit('reporter gave up')\n    return {'broken': R()}\n",
        ["--format", "broken"],
    ),
}


@pytest.mark.parametrize("case", sorted(INTERNAL_ERRORS))
def test_no_internal_error_exits_1(tmp_path: Path, case: str) -> None:
    """A bug (here in a plugin's reporter, called after every file was linted) exits 2 with one line;
    --debug adds the traceback."""
    body, args = INTERNAL_ERRORS[case]
    env = _install_plugin(tmp_path, body)
    document = str(spec(tmp_path))
    for extra in ([], ["--exit-zero"]):
        proc = run_cli(document, "--no-cache", *args, *extra, env=env)
        assert_error(proc, "tenderlint: error:")
        assert len(proc.stderr.decode().strip().splitlines()) == 1
    debug = run_cli(document, "--no-cache", *args, "--debug", env=env)
    assert debug.returncode == 2
    if case == "bug-in-a-reporter":
        assert "Traceback" in debug.stderr.decode()


def test_every_hostile_setup_exits_2_never_1(tmp_path: Path) -> None:
    """The exit-code contract over every case in this file at once: none of them is a finding."""
    cases = []
    for index, (name, text, _words) in enumerate(CONFIGS.values()):
        folder = tmp_path / f"c{index}"
        write(folder / name, text)
        cases.append(([str(spec(folder))], folder))
    write(tmp_path / "deep.json", DEEP_JSON)
    cases.append(([str(GOOD), "--baseline", str(tmp_path / "deep.json")], tmp_path))
    cases.append(([str(GOOD), "-o", str(tmp_path / "missing" / "r.txt")], tmp_path))
    for args, cwd in cases:
        proc = run_cli(*args, "--no-cache", "--exit-zero", cwd=cwd)
        assert proc.returncode == 2, (args, proc.stderr.decode()[-500:])
        assert b"Traceback" not in proc.stderr


PACK_CRASHERS = sorted((Path(__file__).parent / "pack_crashers").glob("*.yaml"))


@pytest.mark.parametrize("pack", PACK_CRASHERS, ids=lambda path: path.stem)
def test_pack_crashers_from_fuzzing(tmp_path: Path, pack: Path) -> None:
    shutil.copy(pack, tmp_path / "pack.yaml")
    config(tmp_path, 'rule-packs = ["pack.yaml"]\n')
    proc = run_cli(str(spec(tmp_path)), "--no-cache", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["files"][0]["error"]["code"] == "E007"
