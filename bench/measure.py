"""Process timing for the benchmark: wall clock, exit code, peak memory, and small probes.

Kept apart from run.py so the measuring (how) is separate from the benchmark (what and against which
target). Every measured command runs as a fresh process with its output sent to bench/.work/out/, so
reading a large JSON report never counts towards tenderlint's time.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from corpus import WORK

OUT = WORK / "out"
CACHE = WORK / ".tenderlint_cache"  # every command runs in bench/.work, so its cache lands here
GNU_TIME = Path("/usr/bin/time")
RUSAGE_HELPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    out.write(f"User time (seconds): {r.ru_utime}\\nSystem time (seconds): {r.ru_stime}\\n")
    out.write(f"Maximum resident set size (kbytes): {r.ru_maxrss}\\n")
sys.exit(code)
"""


@dataclass
class Run:
    """One timed process (or the median of several): wall and CPU seconds, exit code, peak memory."""

    seconds: float
    returncode: int
    cpu_s: float | None = None  # user + system, the process and its children: robust on a busy machine
    max_rss_mb: float | None = None  # the largest single process (GNU time / RUSAGE_CHILDREN)
    tree_rss_mb: float | None = None  # sampled sum over the process tree: what -j N really costs
    cache_written: bool = False  # an uncached run left .tenderlint_cache/ behind


def _tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and all its descendants, from /proc (Linux only)."""
    procs: dict[int, tuple[int, int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            procs[int(stat.parent.name)] = (int(fields[1]), int(fields[21]))  # ppid, rss in pages
        except (OSError, IndexError, ValueError):
            continue
    tree, total, frontier = set(), 0, [root]
    while frontier:
        pid = frontier.pop()
        tree.add(pid)
        total += procs.get(pid, (0, 0))[1]
        frontier += [p for p, (ppid, _) in procs.items() if ppid == pid and p not in tree]
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def _sample_tree(proc: subprocess.Popen, peak: list[float]) -> None:
    """Poll every 0.2 s: coarse enough to cost ~1% of a core, fine enough for runs of seconds."""
    while proc.poll() is None:
        peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
        time.sleep(0.2)


def _rusage(path: Path) -> tuple[float | None, float | None]:
    """(CPU seconds, peak RSS in MB) from GNU time's -v report or the helper's imitation of it."""
    text = path.read_text() if path.exists() else ""
    cpu = [float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text)]
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return (sum(cpu) if cpu else None), (int(rss[1]) / 1024 if rss else None)


def run_once(cmd: list[str], cwd: Path, name: str, memory: bool = False, uncached: bool = False) -> Run:
    """Run `cmd` with stdout/stderr to bench/.work/out/NAME.*, timing wall clock end to end.

    `memory` adds a sampler of the whole process tree's memory. `uncached` deletes the result cache
    first, outside the timing: an uncached figure must not depend on --no-cache being honoured.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    if uncached:
        shutil.rmtree(CACHE, ignore_errors=True)
    usage = OUT / f"{name}.usage"
    usage.unlink(missing_ok=True)
    if GNU_TIME.exists():
        cmd = [str(GNU_TIME), "-v", "-o", str(usage), *cmd]
    else:  # a fresh helper process, so RUSAGE_CHILDREN covers this command only
        cmd = [sys.executable, "-c", RUSAGE_HELPER, str(usage), *cmd]
    peak = [0.0]
    with open(OUT / f"{name}.out", "wb") as out, open(OUT / f"{name}.err", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        if memory and Path("/proc/self/stat").exists():
            threading.Thread(target=_sample_tree, args=(proc, peak), daemon=True).start()
        returncode = proc.wait()
        seconds = time.perf_counter() - start
    cpu, rss = _rusage(usage)
    run = Run(seconds, returncode, cpu, rss, peak[0] or None, uncached and CACHE.exists())
    if returncode not in (0, 1):
        tail = (OUT / f"{name}.err").read_text(errors="replace")[-600:]
        print(f"  ! {name}: exit code {returncode}; see {OUT / name}.err\n{tail}")
    return run


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def timed(
    cmd: list[str], runs: int, name: str, cwd: Path = WORK, memory: bool = False, uncached: bool = False
) -> Run:
    """Median wall and CPU time of `runs` fresh processes; memory is the maximum over them."""
    results = [run_once(cmd, cwd, name, memory, uncached) for _ in range(runs)]
    rss = [r.max_rss_mb for r in results if r.max_rss_mb]
    tree = [r.tree_rss_mb for r in results if r.tree_rss_mb]
    return Run(
        statistics.median(r.seconds for r in results),
        max(r.returncode for r in results),
        _median([r.cpu_s for r in results]),
        max(rss) if rss else None,
        max(tree) if tree else None,
        any(r.cache_written for r in results),
    )


def capture(cmd: list[str], cwd: Path = WORK) -> tuple[int, str]:
    """Exit code and combined output, for feature and version probes (never raises)."""
    cwd.mkdir(parents=True, exist_ok=True)  # probes run before the corpora are built into it
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        return 127, str(error)
    return done.returncode, done.stdout + done.stderr


def find_tool(name: str) -> list[str] | None:
    """The virtualenv's copy first (next to this Python), then PATH."""
    sibling = Path(sys.executable).parent / name
    found = str(sibling) if sibling.exists() else shutil.which(name)
    return [found] if found else None
