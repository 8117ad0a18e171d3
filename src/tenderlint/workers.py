"""Lint files in persistent forked worker processes that can be killed, so a run never depends on a
parser returning or on a C library behaving.

One worker per job slot receives files and sends back `FileResult`s; the next file goes to a worker
as soon as it answers, before its answer is unpickled, so workers do not wait on the parent between
files. A worker still busy after the file's `timeout-seconds` is killed and replaced (E009); one that
hits its `max-memory-mb` address-space ceiling reports E008 and is replaced; one that dies (a crash in
a C library, the kernel's OOM killer) becomes an error for that file only. Workers are forked after
the parent has compiled the rules (and loaded spaCy, when the run uses it), so none of them does it
again, and they ignore SIGINT: Ctrl-C reaches the parent, which kills them.
"""

from __future__ import annotations

import faulthandler
import gc
import multiprocessing
import pickle
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from tenderlint import errors, limits
from tenderlint.config import Settings
from tenderlint.engine import FileError, FileResult, linter_for
from tenderlint.errors import InputError


@dataclass
class Task:
    """One file to lint: its bytes are read (and its cache entry looked up) by the parent."""

    index: int
    display: str
    data: bytes
    settings: Settings
    key: str | None = None


Work = Callable[[Task], FileResult]
#: A failure with the address space this close to max-memory-mb is taken to be the ceiling's doing.
CEILING_MARGIN = 64 * limits.MB


def lint_task(task: Task) -> FileResult:
    """Lint one task in this process (in a worker, or in the parent where fork is unavailable)."""
    return linter_for(task.settings).lint_bytes(task.data, task.display)


def can_isolate() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_one(task: Task, work: Work) -> FileResult:
    """`work(task)` in one killable worker under the task's limits, for work that is not part of a
    run of many files (an annotated copy); in this process only where fork does not exist."""
    if not can_isolate():
        return work(task)
    pool = WorkerPool(1, work)
    try:
        finished = [*pool.submit(task), *pool.drain()]
    finally:
        pool.close()
    return finished[0][1]


def error_result(task: Task, exc: InputError, detail: str = "") -> FileResult:
    return FileResult(task.display, error=FileError(exc.code, exc.message, exc.hint, detail))


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, work: Work) -> None:
        parent_end, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, work), daemon=True)
        self.process.start()
        child_end.close()  # so that the worker's death reads as EOF here
        self.conn: Connection = parent_end
        self.task: Task | None = None
        self.deadline = 0.0
        self.oom_kills: int | None = None  # the system's OOM-kill count when the task was sent

    def give(self, task: Task) -> bool:
        """Send `task`, starting its clock; False if the worker is gone."""
        try:
            self.conn.send(task)
        except (OSError, EOFError):
            return False
        self.task, self.deadline = task, time.monotonic() + task.settings.timeout_seconds
        self.oom_kills = limits.oom_kills()
        return True

    def stop(self) -> None:
        """Kill the process (it may be stuck in C code, so no polite request) and reap it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Up to `size` workers, started as needed; results come back as (task, result) pairs, in any order."""

    def __init__(self, size: int, work: Work = lint_task) -> None:
        self.size = max(1, size)
        self.work = work
        self.workers: list[_Worker] = []
        self.context = multiprocessing.get_context("fork")

    def submit(self, task: Task) -> Iterator[tuple[Task, FileResult]]:
        """Give `task` to an idle worker, first yielding finished results while every worker is busy;
        a worker that answers gets `task` before its answer is decoded and yielded."""
        for _attempt in range(2):  # a worker that died while idle is replaced once
            worker = self._idle()
            while worker is None:
                yield from self._collect(task)
                if any(busy.task is task for busy in self.workers):  # handed over
                    return
                worker = self._idle()
            if worker.give(task):
                return
            self._retire(worker)
        yield task, _died(task, None)

    def drain(self) -> Iterator[tuple[Task, FileResult]]:
        """Yield the results of every task still in a worker."""
        while any(worker.task is not None for worker in self.workers):
            yield from self._collect()

    def close(self) -> None:
        """Stop every worker; idle or stuck, interrupted or done."""
        for worker in self.workers:
            worker.stop()
        self.workers.clear()

    def _idle(self) -> _Worker | None:
        for worker in self.workers:
            if worker.task is None:
                return worker
        if len(self.workers) < self.size:
            self.workers.append(_Worker(self.context, self.work))
            return self.workers[-1]
        return None

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        self.workers.remove(worker)

    def _collect(self, waiting: Task | None = None) -> Iterator[tuple[Task, FileResult]]:
        """Wait for a busy worker to answer, die or run out of time, and yield what became of its task.
        A `waiting` task goes to the first worker that answered and stays healthy, before any answer
        is decoded."""
        busy = [worker for worker in self.workers if worker.task is not None]
        if not busy:
            return
        timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
        ready = wait([worker.conn for worker in busy], timeout)
        answers: list[tuple[_Worker, Task, bytes | None]] = []
        expired: list[tuple[_Worker, Task]] = []
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in ready:
                answers.append((worker, task, _read(worker)))
                worker.task = None
            elif time.monotonic() >= worker.deadline:
                expired.append((worker, task))
        taker = None
        if waiting is not None:
            taker = next((w for w, _, raw in answers if raw and raw[:1] == HEALTHY and w.give(waiting)), None)
        for worker, task, raw in answers:
            result, healthy = self._decode(worker, task, raw)
            if not healthy and worker is not taker:
                self._retire(worker)
            yield task, result
        for worker, task in expired:
            self._retire(worker)
            yield task, error_result(task, limits.timeout_error(task.settings.timeout_seconds))

    def _decode(self, worker: _Worker, task: Task, raw: bytes | None) -> tuple[FileResult, bool]:
        """The answer as (result, healthy); a worker that died gets its task an error."""
        if raw is None:
            worker.process.join(5)
            return _died(task, worker.process.exitcode, worker.oom_kills), False
        try:
            return pickle.loads(memoryview(raw)[1:]), raw[:1] == HEALTHY
        except Exception as exc:  # an answer that cannot be unpickled
            return error_result(
                task, _internal(f"its result could not be read ({type(exc).__name__})")
            ), False


#: The first byte of a worker's answer: whether the worker may take another file (else it stops).
HEALTHY, UNHEALTHY = b"\x01", b"\x00"


def _read(worker: _Worker) -> bytes | None:
    """A worker's raw answer, or None if it died first."""
    try:
        return worker.conn.recv_bytes()
    except (EOFError, OSError):
        return None


def _internal(what: str) -> InputError:
    return InputError(
        errors.INTERNAL,
        f"tenderlint failed on this file: {what}.",
        "Please report it with the file if you can; run with --debug for details.",
    )


def _died(task: Task, exitcode: int | None, oom_kills: int | None = None) -> FileResult:
    """The error for a file whose worker died. SIGKILL is the OOM killer's only when the system
    counted an OOM kill meanwhile (or cannot say); otherwise something outside killed it. Any other
    signal is a crash in a parser's C library."""
    if exitcode == -signal.SIGKILL:
        now = limits.oom_kills()
        if oom_kills is None or now is None or now > oom_kills:
            return error_result(task, limits.memory_error(limits.Limits.from_settings(task.settings)))
        return error_result(
            task, _internal("the process reading it was killed (SIGKILL) from outside tenderlint")
        )
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return error_result(task, _internal(f"the process reading it crashed ({name})"))
    return error_result(
        task, _internal(f"the process reading it stopped unexpectedly (exit code {exitcode})")
    )


def _serve(conn: Connection, work: Work) -> None:
    """A worker's life: lint each task received, answer with a health byte and the pickled result,
    stop when told or unhealthy."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()  # a crash is reported as this file's error, not as a dump on stderr
    # What the parent loaded (rules, compiled patterns) lives as long as this worker: moved out of the
    # collector's sight, a full collection no longer walks it again for each file (nor copies its pages).
    gc.freeze()
    gc.enable()  # the parent may have forked this worker with its collector paused (gcpause.py)
    _die_with_parent()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result, healthy = _run(task, work)
        try:
            answer = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a result that cannot be pickled
            failed = error_result(task, _internal(f"its result could not be sent ({exc})"))
            answer, healthy = pickle.dumps(failed), False
        try:
            conn.send_bytes((HEALTHY if healthy else UNHEALTHY) + answer)
        except (OSError, EOFError):
            return
        if not healthy:
            return


def _run(task: Task, work: Work) -> tuple[FileResult, bool]:
    """Lint one task under the memory ceiling; healthy is False when this process should be replaced."""
    ceiling = task.settings.max_memory_mb * limits.MB
    limits.cap_memory(ceiling)
    before = limits.peak_memory()
    try:
        result = work(task)
    except MemoryError:
        result = error_result(task, limits.memory_error(limits.Limits.from_settings(task.settings)))
    except Exception as exc:  # work() guards itself; this is the guard's guard
        result = error_result(task, _internal(type(exc).__name__), traceback.format_exc())
    peak = limits.peak_memory()
    hit_ceiling = peak > before and peak >= ceiling - CEILING_MARGIN
    if result.error and result.error.code in (errors.CORRUPT, errors.INTERNAL) and hit_ceiling:
        # C libraries report a failed allocation as a damaged file ("unknown error"): it was the ceiling.
        detected = result.format
        result = error_result(task, limits.memory_error(limits.Limits.from_settings(task.settings)))
        result.format = detected
    error = result.error
    # After running out of memory, failing unexpectedly or coming near the ceiling, start afresh.
    failed = error is not None and (error.code == errors.INTERNAL or "max-memory-mb" in error.message)
    return result, not failed and peak < ceiling * 3 // 4


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker if the parent dies (e.g. SIGKILL), so none is orphaned."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
