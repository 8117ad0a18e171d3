"""`profile`, `eval` and `--annotate` read documents as `lint` does: only regular files, in a killable
worker under the file's `timeout-seconds` and `max-memory-mb`; and the smaller exits of a run (Ctrl-C
while annotating, a worker killed from outside, a full disk under the cache) are what they claim."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from hostile_files import (
    GOOD,
    config,
    odt_with_junk,
    repeated_docx,
    run_measured,
    slow_text,
    symlink,
    write,
)

CRASHERS = sorted((Path(__file__).parent / "crashers").glob("*.*[tx]"))
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers need fork")


def test_profile_reports_every_crasher_as_an_error(tmp_path: Path) -> None:
    proc = run_cli("profile", "--format", "json", *map(str, CRASHERS))
    assert proc.returncode == 2, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    entries = json.loads(proc.stdout)
    assert len(entries) == len(CRASHERS)
    assert all(entry["error"]["code"] in ("E001", "E004") for entry in entries), entries


def test_profile_of_a_fifo_a_device_and_a_file_over_its_limit(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    write(tmp_path / "big" / "big.md", GOOD.read_text(encoding="utf-8") * 500)
    config(tmp_path / "big", "max-file-size-mb = 1\n")
    shutil.copy(GOOD, tmp_path / "good.md")
    args = ["profile", "--format", "json", "pipe.md", "/dev/zero", "big/big.md", "good.md"]
    started = time.monotonic()
    code, peak_mb, err = run_measured(*args, cwd=tmp_path, timeout=120)
    assert time.monotonic() - started < 60
    assert code == 2 and "Traceback" not in err, err
    assert peak_mb < 400
    proc = run_cli(*args, cwd=tmp_path)
    codes = [entry.get("error", {}).get("code") for entry in json.loads(proc.stdout)]
    assert codes == ["E006", "E006", "E008", None]


def test_eval_lints_under_limits_and_reports_errors_as_2(tmp_path: Path) -> None:
    write(tmp_path / "slow.txt", slow_text())
    write(tmp_path / "slow.txt.expect.yaml", "expect: []\n")
    os.mkfifo(tmp_path / "pipe.md")
    write(tmp_path / "pipe.md.expect.yaml", "expect: []\n")
    shutil.copy(GOOD, tmp_path / "good.md")
    write(tmp_path / "good.md.expect.yaml", "expect: []\n")
    config(tmp_path, "timeout-seconds = 1\n")
    started = time.monotonic()
    proc = run_cli("eval", str(tmp_path), "--format", "json")
    assert time.monotonic() - started < 120
    assert proc.returncode == 2, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert any("E009" in error for error in report["errors"]), report["errors"]
    assert any("E006" in error for error in report["errors"]), report["errors"]


@pytest.mark.parametrize("gate", ["min-precision = 'high'\n", "[a]\nb = " + "[" * 5000 + "]" * 5000 + "\n"])
def test_eval_gate_that_cannot_be_used(tmp_path: Path, gate: str) -> None:
    shutil.copy(GOOD, tmp_path / "good.md")
    write(tmp_path / "good.md.expect.yaml", "expect: []\n")
    write(tmp_path / "gate.toml", gate)
    proc = run_cli("eval", str(tmp_path), "--gate", str(tmp_path / "gate.toml"))
    assert proc.returncode == 2 and b"gate.toml" in proc.stderr, proc.stderr
    assert b"Traceback" not in proc.stderr


def test_annotating_runs_under_max_memory_mb(tmp_path: Path) -> None:
    """A 400 KB .odt holding a 400 MB member: the copy would need it in memory. The worker is stopped
    at max-memory-mb; the main process never holds it."""
    odt_with_junk(tmp_path / "spec.odt", 400)
    config(tmp_path, "max-memory-mb = 300\n")
    code, peak_mb, err = run_measured(
        "spec.odt", "--no-cache", "-o", "report.txt", "--annotate", "copy.odt", cwd=tmp_path
    )
    assert code == 2 and "max-memory-mb" in err and "Traceback" not in err, err
    assert peak_mb < 300
    assert not (tmp_path / "copy.odt").exists()


def test_annotated_odt_leaves_out_members_outside_the_package(tmp_path: Path) -> None:
    odt_with_junk(tmp_path / "spec.odt", 1)
    proc = run_cli("spec.odt", "--no-cache", "-o", "report.txt", "--annotate", "copy.odt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    with zipfile.ZipFile(tmp_path / "copy.odt") as copy:
        names = copy.namelist()
    assert "Pictures/junk.bin" in names and not any(".." in name for name in names)


def _annotate_seconds(tmp_path: Path, repeats: int) -> tuple[float, int]:
    """Seconds for a cached run with --annotate (so nearly all of it is annotating), and comments."""
    document = repeated_docx(tmp_path / f"spec{repeats}.docx", repeats)
    env = {"TENDERLINT_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(str(document), "-o", str(tmp_path / "r.txt"), env=env)  # fills the cache
    started = time.monotonic()
    copy = tmp_path / f"copy{repeats}.docx"
    proc = run_cli(str(document), "-o", str(tmp_path / "r.txt"), "--annotate", str(copy), env=env)
    elapsed = time.monotonic() - started
    assert proc.returncode == 1, proc.stderr.decode()
    return elapsed, int(proc.stderr.decode().split("wrote ")[1].split()[0])


def test_comment_insertion_is_linear(tmp_path: Path) -> None:
    """Eight times the comments may take about eight times as long, not sixty-four."""
    small, small_count = _annotate_seconds(tmp_path, 30)
    large, large_count = _annotate_seconds(tmp_path, 240)
    assert large_count >= 7 * small_count > 0
    assert large / small < 8, (small, large)


def test_dangling_link_is_not_written_through(tmp_path: Path) -> None:
    shutil.copy(ROOT / "corpora" / "home-care-spec.docx", tmp_path / "spec.docx")
    (tmp_path / "elsewhere").mkdir()
    symlink(tmp_path / "out.docx", "elsewhere/planted.docx")
    proc = run_cli("spec.docx", "--no-cache", "--annotate", "out.docx", cwd=tmp_path)
    assert proc.returncode == 2 and b"--force" in proc.stderr, proc.stderr
    assert not (tmp_path / "elsewhere" / "planted.docx").exists()


def test_ctrl_c_while_annotating_exits_130(tmp_path: Path) -> None:
    """The lint result is cached, so the only worker started is the annotating one: Ctrl-C then."""
    document = repeated_docx(tmp_path / "spec.docx", 400)
    env = {**os.environ, "NO_COLOR": "1", "TENDERLINT_CACHE_DIR": str(tmp_path / "cache")}
    base = [sys.executable, "-m", "tenderlint", str(document), "-o", str(tmp_path / "r.txt")]
    subprocess.run(base, env=env, capture_output=True, timeout=300)
    proc = subprocess.Popen(
        [*base, "--annotate", str(tmp_path / "copy.docx")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split():
            break
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "annotation finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err and b"Aborted" not in err
    assert not (tmp_path / "copy.docx").exists()


def test_worker_killed_from_outside_is_not_blamed_on_memory(tmp_path: Path) -> None:
    write(tmp_path / "slow.txt", slow_text())
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tenderlint", "slow.txt", "--no-cache", "--format", "json"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    workers: list[str] = []
    while not workers and time.monotonic() < deadline:
        workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(int(workers[0]), signal.SIGKILL)
    out, _err = proc.communicate(timeout=120)
    error = json.loads(out)["files"][0]["error"]
    assert proc.returncode == 2
    assert "SIGKILL" in error["message"] and "max-memory-mb" not in error["message"], error


def test_full_disk_leaves_no_partial_cache_entries(tmp_path: Path) -> None:
    """Files may grow to 1 KB only (RLIMIT_FSIZE, as a full disk would stop them): the run still
    succeeds, and no temporary cache file is left behind."""
    cache = tmp_path / "cache"
    documents = [shutil.copy(GOOD, tmp_path / f"spec{i}.md") for i in range(3)]

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, resource.RLIM_INFINITY))

    env = {**os.environ, "NO_COLOR": "1", "TENDERLINT_CACHE_DIR": str(cache)}
    proc = subprocess.run(
        [sys.executable, "-m", "tenderlint", *map(str, documents)],
        env=env,
        capture_output=True,
        timeout=300,
        preexec_fn=small_files,
    )
    assert proc.returncode == 1, proc.stderr.decode()
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]


def test_annotate_crasher_from_fuzzing(tmp_path: Path) -> None:
    """Found by fuzz/main_process.py: a .docx whose comments relationship points at a part of another
    kind lints, but annotating it raised AttributeError. Now: no copy, one line, exit 2."""
    crasher = Path(__file__).parent / "annotate_crashers" / "comments-part-of-another-kind.docx"
    proc = run_cli(
        str(crasher), "--no-cache", "-o", str(tmp_path / "r.txt"), "--annotate", str(tmp_path / "c.docx")
    )
    assert proc.returncode == 2, proc.stderr.decode()
    assert b"comments part cannot be read" in proc.stderr and b"Traceback" not in proc.stderr


def test_outline_reads_as_lint_does(tmp_path: Path) -> None:
    """`outline` (like `profile`) once parsed any path in the main process: a FIFO hung it, /dev/zero
    grew without end, a damaged archive gave a traceback."""
    os.mkfifo(tmp_path / "pipe.md")
    args = ["outline", "--format", "json", str(tmp_path / "pipe.md"), "/dev/zero", *map(str, CRASHERS)]
    code, peak_mb, err = run_measured(*args, timeout=120)
    assert code == 2 and "Traceback" not in err, err
    assert peak_mb < 400
    entries = json.loads(run_cli(*args).stdout)
    assert [entry["error"]["code"] for entry in entries[:2]] == ["E006", "E006"]
    assert all(entry["error"]["code"] in ("E001", "E004") for entry in entries[2:])
