"""Code that runs in the main process, outside the workers' time and memory limits, must be bounded
by itself: format detection, and loading configuration and rule packs (alias bombs, FIFOs, links
that loop)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_files import GOOD, config, inflating_odt, run_measured, symlink, write

BOMB = "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10) if i else ', '.join(['lol'] * 10)}]\n" for i in range(10)
)
PACK = """rules:
  - code: AC101
    name: block-booked-hours
    family: specification
    severity: warning
    message: {message}
    fix: Buy outcomes instead.
    citations: [careact-s1-wellbeing]
    phrases: {phrases}
"""


def test_format_detection_does_not_inflate_the_mimetype_entry(tmp_path: Path) -> None:
    """A 600 KB .odt whose mimetype entry inflates to 600 MB: reported, with no process near that."""
    odt = inflating_odt(tmp_path / "inflate.odt", 600)
    for command in ([str(odt), "--no-cache"], ["profile", str(odt)]):
        started = time.monotonic()
        code, peak_mb, err = run_measured(*command, cwd=tmp_path)
        assert code == 2, err
        assert "Traceback" not in err
        assert peak_mb < 300, f"{command}: peak {peak_mb:.0f} MB"
        assert time.monotonic() - started < 60


@pytest.mark.parametrize("where", ["message", "phrases"])
def test_yaml_alias_bomb_in_a_pack_is_refused(tmp_path: Path, where: str) -> None:
    fields = {"message": "Care is block-booked.", "phrases": "[block booked hours]", where: "*a9"}
    write(tmp_path / "pack.yaml", BOMB + PACK.format(**fields))
    config(tmp_path, 'rule-packs = ["pack.yaml"]\n')
    shutil.copy(GOOD, tmp_path / "spec.md")
    code, peak_mb, err = run_measured("spec.md", "--no-cache", cwd=tmp_path, timeout=120)
    assert code == 2 and "aliases expand" in err, err
    assert peak_mb < 400


def test_recursive_alias_in_a_pack_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "pack.yaml", "x: &x [*x]\n" + PACK.format(message="m", phrases="[a b]"))
    config(tmp_path, 'rule-packs = ["pack.yaml"]\n')
    proc = run_cli(str(shutil.copy(GOOD, tmp_path / "spec.md")), "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2 and b"refers to the node that contains it" in proc.stdout, proc.stdout


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize(
    "layout",
    ["fifo-in-pack-folder", "fifo-pack", "fifo-config", "fifo-citations", "pack-self-link", "pack-file-loop"],
)
def test_packs_and_config_read_only_regular_files(tmp_path: Path, layout: str) -> None:
    """Nothing that would block (a FIFO) or loop (a link to itself) is read: a config error, at once."""
    shutil.copy(GOOD, tmp_path / "spec.md")
    args = ["spec.md", "--no-cache"]
    if layout == "fifo-in-pack-folder":
        _fifo(tmp_path / "packs" / "x.yaml")
        config(tmp_path, 'rule-packs = ["packs"]\n')
    elif layout == "fifo-pack":
        _fifo(tmp_path / "pack.yaml")
        config(tmp_path, 'rule-packs = ["pack.yaml"]\n')
    elif layout == "fifo-config":
        _fifo(tmp_path / "settings.toml")
        args += ["--config", "settings.toml"]
    elif layout == "fifo-citations":
        write(tmp_path / "packs" / "pack.yaml", PACK.format(message="m", phrases="[a b]"))
        _fifo(tmp_path / "packs" / "citations.yaml")
        config(tmp_path, 'rule-packs = ["packs"]\n')
    elif layout == "pack-self-link":
        symlink(tmp_path / "packs", "packs")
        config(tmp_path, 'rule-packs = ["packs"]\n')
    else:
        symlink(tmp_path / "packs" / "loop.yaml", "loop.yaml")
        symlink(tmp_path / "packs" / "up", "..")
        config(tmp_path, 'rule-packs = ["packs"]\n')
    started = time.monotonic()
    proc = run_cli(*args, cwd=tmp_path)
    err = proc.stderr.decode() + proc.stdout.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert any(word in err for word in ("regular file", "symbolic link", "Symlink loop", "not found")), err
    assert time.monotonic() - started < 60
