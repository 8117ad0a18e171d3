"""What runs inside a worker process: read each task from the pipe, run it under the task's memory
ceiling, and answer with one byte saying whether this process may take another task, then the
pickled result. The main process's side, which starts, feeds and kills workers, is workers.py."""

from __future__ import annotations

import faulthandler
import gc
import pickle
import signal
import traceback
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from tenderlint import errors, limits
from tenderlint.engine import FileError, FileResult
from tenderlint.errors import InputError

if TYPE_CHECKING:
    from tenderlint.workers import Task, Work

#: A failure with the address space this close to max-memory-mb is taken to be the ceiling's doing.
CEILING_MARGIN = 64 * limits.MB
#: The first byte of a worker's answer: whether the worker may take another file (else it stops).
HEALTHY, UNHEALTHY = b"\x01", b"\x00"


def error_result(task: Task, exc: InputError, detail: str = "") -> FileResult:
    """The task's file as an error result: what a failure costs, one file and never the run."""
    return FileResult(task.display, error=FileError(exc.code, exc.message, exc.hint, detail))


def internal_error(what: str) -> InputError:
    """E999 for a failure that is tenderlint's, not the file's, saying what went wrong."""
    return InputError(
        errors.INTERNAL,
        f"tenderlint failed on this file: {what}.",
        "Please report it with the file if you can; run with --debug for details.",
    )


def serve(conn: Connection, work: Work) -> None:
    """A worker's life: lint each task received, answer with a health byte and the pickled result;
    stop when the main process is gone or this worker is unhealthy."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()  # a crash is reported as this file's error, not as a dump on stderr
    # What the parent loaded (rules, compiled patterns) lives as long as this worker: moved out of the
    # collector's sight, a full collection no longer walks it again for each file (nor copies its pages).
    gc.freeze()
    gc.enable()  # the parent may have forked this worker with its collector paused (gcpause.py)
    _die_with_parent()
    while True:
        try:
            task = conn.recv()  # unpickled from the received buffer, without a copy of it
        except (EOFError, OSError):
            return
        result, healthy = _run(task, work)
        try:
            answer = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a result that cannot be pickled
            failed = error_result(task, internal_error(f"its result could not be sent ({exc})"))
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
        result = error_result(task, internal_error(type(exc).__name__), traceback.format_exc())
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
