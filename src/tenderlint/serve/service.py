"""Lint uploads in the CLI's killable worker processes, driven from long-lived threads.

Each of `jobs` slots is a thread that owns a one-worker `WorkerPool` and runs one check at a time, so
the per-file limits (time, memory, archive size, pages) are exactly the CLI's. Workers are forked only
from these threads, never from a request's thread: a worker asks the kernel to kill it when the thread
that forked it ends (PR_SET_PDEATHSIG), and request threads come and go. Forks are serialised so that
no worker inherits another worker's half-made pipe, which would hide its death.

A check is a job run in its slot's thread: it hands tasks to the slot's worker as often as it needs.
An upload is linted in one step and, once its findings are final (a tender pack judged, in the slot's
thread), shown in another: the report's view of its text and its annotated copy are made inside the
worker too, under the same limits as the lint.
"""

from __future__ import annotations

import importlib
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, fields
from typing import Any

from tenderlint import limits
from tenderlint.config import Settings
from tenderlint.engine import FileResult, linter_for
from tenderlint.errors import InputError
from tenderlint.reporters.html_model import DocView, load_view
from tenderlint.workers import Task, Work, WorkerPool, lint_task

_FORK_LOCK = threading.Lock()
#: Hands tasks (indexed 0..n-1) to the slot's worker and returns their results in order.
Run = Callable[[Sequence[Task]], list[FileResult]]
Job = Callable[[Run], Any]


@dataclass
class ShowTask(Task):
    """An upload's second step: its final findings, to place in the report's view and the copy."""

    result: FileResult | None = None
    annotate: bool = True
    report_index: int = 0  # the upload's place in the report, for the HTML view's anchors


@dataclass
class ServedResult(FileResult):
    """A result with the HTML report's view of the document, and the annotated copy (.docx, .odt)."""

    view: DocView | None = None
    annotated: bytes | None = None
    annotation: str = ""


def serve_task(task: Task) -> FileResult:
    """Lint a task; or, for a `ShowTask`, read the text again for the HTML report and write the
    annotated copy with the findings it carries: inside a worker, under the file's limits, never in
    the server."""
    if not isinstance(task, ShowTask) or task.result is None:
        return lint_task(task)
    served = ServedResult(**{f.name: getattr(task.result, f.name) for f in fields(FileResult)})
    with limits.active(limits.Limits.from_settings(task.settings)):
        served.view = load_view(task.report_index, served, task.data)
        if task.annotate and served.format in ("docx", "odt"):
            served.annotated, served.annotation = _annotated(task.data, served)
    return served


def _annotated(data: bytes, result: FileResult) -> tuple[bytes | None, str]:
    from tenderlint.annotate.docx import annotate_docx
    from tenderlint.annotate.odt import annotate_odt
    from tenderlint.ruleset import load_ruleset

    annotate = annotate_docx if result.format == "docx" else annotate_odt
    try:
        copy, count, _missed = annotate(data, result.findings, load_ruleset().citations)
    except InputError as exc:
        return None, f"No copy with comments could be made: {exc.message}"
    return copy, f"{count} comment{'s' if count != 1 else ''}"


class _Pool(WorkerPool):
    def _start_worker(self):  # type: ignore[override]
        with _FORK_LOCK:  # a new worker is forked in here
            return super()._start_worker()


class ServiceClosed(RuntimeError):
    """The server is shutting down; the request gets a 503."""


class LintService:
    """`jobs` slots, each a thread with one worker process; requests queue for a free slot."""

    def __init__(self, jobs: int, work: Work = serve_task) -> None:
        self.size = max(1, jobs)
        self.work = work
        self.queue: queue.Queue[tuple[Job, Future] | None] = queue.Queue()
        self.pools: list[_Pool] = []
        self.threads: list[threading.Thread] = []
        self.closing = False

    def start(self, settings: Settings) -> None:
        """Compile the rules and load the parsers' libraries before any fork, so workers share them,
        then start the slots, each forking its worker on a small warm-up document."""
        linter_for(settings).warm()
        for module in (
            "lxml.etree",
            "docx",
            "pypdfium2",
            "tenderlint.annotate.docx",
            "tenderlint.annotate.odt",
        ):
            importlib.import_module(module)
        ready = threading.Barrier(self.size + 1)
        for number in range(self.size):
            pool = _Pool(1, self.work)
            self.pools.append(pool)
            thread = threading.Thread(
                target=self._slot, args=(pool, settings, ready), name=f"tenderlint-slot-{number}", daemon=True
            )
            self.threads.append(thread)
            thread.start()
        ready.wait()

    def submit(self, job: Job) -> Future:
        """Run `job` in the next free slot, giving it the slot's worker; the future holds its answer.
        The job runs in the slot's thread, so what it does between two steps is done in the server."""
        future: Future = Future()
        if self.closing:
            future.set_exception(ServiceClosed())
        else:
            self.queue.put((job, future))
        return future

    def worker_pids(self) -> list[int]:
        return [w.process.pid for pool in self.pools for w in list(pool.workers) if w.process.pid]

    def close(self) -> None:
        """Refuse new work, kill every worker (busy or not) and wait for the slots to end."""
        self.closing = True
        for _ in self.threads:
            self.queue.put(None)
        for pool in self.pools:
            for worker in list(pool.workers):
                worker.process.kill()
        for thread in self.threads:
            thread.join(10)

    def _slot(self, pool: _Pool, settings: Settings, ready: threading.Barrier) -> None:
        try:
            self._lint(pool, [Task(0, "warm-up.txt", b"The Council will pay an hourly rate.\n", settings)])
        finally:
            ready.wait()
        try:
            while (job := self.queue.get()) is not None:
                work, future = job
                if self.closing:
                    future.set_exception(ServiceClosed())
                elif future.set_running_or_notify_cancel():
                    try:
                        future.set_result(work(lambda tasks: self._lint(pool, list(tasks))))
                    except BaseException as exc:  # handed to the request, which shows a 500 page
                        future.set_exception(exc)
        finally:
            pool.close()

    def _lint(self, pool: WorkerPool, tasks: list[Task]) -> list[FileResult]:
        results: list[FileResult | None] = [None] * len(tasks)
        for task in tasks:
            if self.closing:
                raise ServiceClosed()
            for done, result in pool.submit(task):
                results[done.index] = result
        for done, result in pool.drain():
            results[done.index] = result
        if any(result is None for result in results):
            raise RuntimeError("an upload was left without a result")
        return [result for result in results if result is not None]
