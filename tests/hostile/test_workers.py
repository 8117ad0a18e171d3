"""The worker machinery on its own: a hang, a crash, the OOM killer, a MemoryError, an unexpected exit
or an unpicklable result each cost one file an error, and every other file still gets its result."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from hostile_files import CORPORA, GOOD

from tenderlint import runner as runner_module
from tenderlint.config import Settings
from tenderlint.engine import FileResult
from tenderlint.gcpause import collector_paused
from tenderlint.runner import Runner, RunOptions
from tenderlint.workers import AHEAD_BYTES, Task, WorkerPool

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers need fork")


def behave(task: Task) -> FileResult:
    """Runs in the worker: misbehave as the task's name says."""
    if task.display == "hang":
        time.sleep(600)
    elif task.display == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif task.display == "killed":
        os.kill(os.getpid(), signal.SIGKILL)
    elif task.display == "memory":
        bytearray(8 * 1024**3)  # far over the address-space ceiling
    elif task.display == "exit":
        os._exit(3)
    elif task.display == "slow":
        time.sleep(0.6)
    elif task.display == "unpicklable":
        result = FileResult(task.display)
        result.notes = [lambda: None]  # type: ignore[list-item]
        return result
    return FileResult(task.display, format="txt", words=os.getpid())


EXPECTED = {
    "hang": ("E009", "timeout-seconds"),
    "segfault": ("E999", "SIGSEGV"),
    # SIGKILL from outside, with no OOM kill counted meanwhile, is not blamed on max-memory-mb.
    "killed": ("E999", "SIGKILL"),
    "memory": ("E008", "max-memory-mb"),
    "exit": ("E999", "exit code 3"),
    "unpicklable": ("E999", "could not be sent"),
}


def run_pool(names: list[str], size: int, ahead: int = 0) -> tuple[dict[int, FileResult], list[int]]:
    settings = Settings(timeout_seconds=1)
    pool = WorkerPool(size, behave, ahead)
    results: dict[int, FileResult] = {}
    try:
        for index, name in enumerate(names):
            for task, result in pool.submit(Task(index, name, b"", settings)):
                assert task.index not in results, "one result per task"
                results[task.index] = result
        for task, result in pool.drain():
            results[task.index] = result
        pids = [worker.process.pid for worker in pool.workers]
    finally:
        pool.close()
    return results, pids


@pytest.mark.parametrize("size, ahead", [(1, 0), (2, 0), (1, 1), (2, 1), (2, 2)])
def test_each_failure_costs_one_file_and_the_rest_are_linted(size, ahead):
    """With `ahead`, the files sent behind the one that fails are sent to another worker."""
    names = [name for bad in EXPECTED for name in ("ok", bad, "ok", "ok")] + ["ok"]
    started = time.monotonic()
    results, pids = run_pool(names, size, ahead)
    assert time.monotonic() - started < 30
    assert sorted(results) == list(range(len(names)))
    for index, name in enumerate(names):
        result = results[index]
        if name == "ok":
            assert result.error is None and result.path == "ok"
        else:
            code, words = EXPECTED[name]
            assert result.error is not None and result.error.code == code, (name, result.error)
            assert words in result.error.message + result.error.hint
    for pid in pids:  # closed: no worker outlives the pool
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


@pytest.mark.parametrize("bad", sorted(EXPECTED))
def test_a_failure_collected_at_the_end_of_a_run_is_reported(bad):
    """The last file's answer is collected by `drain`, with no next file waiting for its worker."""
    results, _ = run_pool(["ok", "ok", bad], 2)
    error = results[2].error
    assert error is not None and error.code == EXPECTED[bad][0], (bad, error)
    assert results[0].error is None and results[1].error is None


def test_workers_collect_garbage_though_the_parent_paused_its_collector():
    def collecting(task: Task) -> FileResult:
        return FileResult(task.display, notes=[str(gc.isenabled())])

    pool = WorkerPool(1, collecting)
    try:
        with collector_paused():
            answers = [*pool.submit(Task(0, "ok", b"", Settings())), *pool.drain()]
        assert gc.isenabled()
    finally:
        pool.close()
    assert answers[0][1].notes == ["True"]


def test_a_file_sent_ahead_gets_its_full_time_once_it_starts():
    """Two files of 0.6 s under a 1 s timeout, the second sent while the first is read."""
    results, _ = run_pool(["slow", "slow", "ok"], 1, ahead=1)
    assert all(result.error is None for result in results.values()), results
    assert len({result.words for result in results.values()}) == 1, "one worker read them all"


@pytest.mark.parametrize("size", [10, AHEAD_BYTES + 1])
def test_no_file_is_sent_ahead_to_a_worker_reading_a_large_one(size):
    """Else a small file could wait behind a long one while another worker is free."""
    pool = WorkerPool(2, behave, ahead=1)
    try:
        for index in range(2):
            assert not list(pool.submit(Task(index, "slow", b"x" * size, Settings())))
        finished = list(pool.submit(Task(2, "ok", b"", Settings())))
        assert bool(finished) == (size > AHEAD_BYTES), "waited for a free worker only behind a large file"
        assert len(finished + list(pool.drain())) == 3
    finally:
        pool.close()


def test_a_file_too_large_for_the_pipe_is_not_sent_ahead_to_a_busy_worker():
    """Sending it would block the main process until the worker reads it, with no one watching the
    clock of the file the worker is stuck on."""
    settings = Settings(timeout_seconds=1)
    pool = WorkerPool(1, behave, ahead=1)
    started = time.monotonic()
    try:
        assert not list(pool.submit(Task(0, "hang", b"", settings)))
        finished = [*pool.submit(Task(1, "ok", b"x" * 4 * 1024 * 1024, settings)), *pool.drain()]
    finally:
        pool.close()
    results = {task.index: result for task, result in finished}
    assert results[0].error is not None and results[0].error.code == "E009"
    assert results[1].error is None
    assert time.monotonic() - started < 30


def test_a_worker_is_reused_for_healthy_files():
    results, _ = run_pool(["ok"] * 5, 1)
    assert len({result.words for result in results.values()}) == 1, "one worker process served them all"


def test_runner_results_match_in_process_linting_in_input_order(tmp_path, monkeypatch):
    monkeypatch.setenv("TENDERLINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = tuple(
        str(p)
        for p in (
            CORPORA / "home-care-spec.docx",
            CORPORA / "broken" / "legacy.doc",
            CORPORA / "home-care-spec.pdf",
            GOOD,
            CORPORA / "broken" / "damaged.docx",
            CORPORA / "home-care-spec.odt",
        )
    )
    in_process = Runner(RunOptions(use_cache=False, isolate=False)).run(paths)
    isolated = Runner(RunOptions(use_cache=True, isolate=True, jobs=2)).run(paths)
    assert isolated == in_process
    assert [result.path for result in isolated] == list(paths)

    def no_workers(*args, **kwargs):
        raise AssertionError("a cached file was sent to a worker")

    monkeypatch.setattr(runner_module, "WorkerPool", no_workers)
    good = tuple(p for p in paths if "broken" not in p)
    assert Runner(RunOptions(isolate=True, jobs=2)).run(good) == [r for r in in_process if r.path in good]


class VanishingRunner(Runner):
    """Replaces a file with a folder, or with a pipe, after discovery and before it is read."""

    def __init__(self, options: RunOptions, changes: dict[int, str]) -> None:
        super().__init__(options)
        self.changes = changes

    def prepare(self, path: str, index: int):
        change = self.changes.get(index)
        if change:
            os.unlink(path)
            os.mkdir(path) if change == "folder" else os.mkfifo(path)
        return super().prepare(path, index)


def test_file_that_vanishes_mid_run_is_reported_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.md", "b.md", "c.md", "d.md"):
        shutil.copy(GOOD, folder / name)
    runner = VanishingRunner(RunOptions(use_cache=False), {1: "folder", 2: "fifo"})
    results = runner.run((str(folder),))
    assert [Path(r.path).name for r in results] == ["a.md", "b.md", "c.md", "d.md"]
    assert results[1].error and results[1].error.code == "E006" and "folder" in results[1].error.message
    assert results[2].error and results[2].error.code == "E006" and "regular file" in results[2].error.message
    for good in (results[0], results[3]):
        assert good.error is None and len(good.findings) >= 5
