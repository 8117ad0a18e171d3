"""Lint files in persistent forked worker processes that can be killed, so a run never depends on a
parser returning or on a C library behaving.

One worker per job slot receives files and sends back `FileResult`s. So that workers do not wait on
the parent between files, a run sends each worker its next file while it reads the current one (see
`WorkerPool`), and the parent sends out files before it unpickles answers. A worker still busy after
the file's `timeout-seconds` (counted from when it starts the file) is killed and replaced (E009);
one that hits its `max-memory-mb` address-space ceiling reports E008 and is replaced; one that dies
(a crash in a C library, the kernel's OOM killer) becomes an error for that file only. Workers are
forked after the parent has compiled the rules (and loaded spaCy, when the run uses it), so none of
them does it again, and they ignore SIGINT: Ctrl-C reaches the parent, which kills them.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import socket
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from tenderlint import limits
from tenderlint.config import Settings
from tenderlint.engine import FileResult, linter_for
from tenderlint.worker_process import HEALTHY, error_result, internal_error, serve


@dataclass
class Task:
    """One file to lint: its bytes are read (and its cache entry looked up) by the parent."""

    index: int
    display: str
    data: bytes
    settings: Settings
    key: str | None = None


Work = Callable[[Task], FileResult]


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


class _Worker:
    """One worker process, and the tasks sent to it that it has not answered yet: it reads the first,
    and the others wait in its pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext, work: Work) -> None:
        parent_end, child_end = context.Pipe()
        self.process = context.Process(target=serve, args=(child_end, work), daemon=True)
        self.process.start()
        child_end.close()  # so that the worker's death reads as EOF here
        self.conn: Connection = parent_end
        self.pipe_room = _pipe_room(parent_end)
        self.tasks: list[Task] = []
        self.deadline = 0.0  # when the first task runs out of time
        self.oom_kills: int | None = None  # the system's OOM-kill count when the first task started
        self.gone = False  # a task could not be sent: the process died (its pipe will tell how)

    def give(self, task: Task, sent: bytes) -> bool:
        """Send `task`, pickled as `sent` (its clock starts when it is the first); False if the worker
        is gone."""
        try:
            self.conn.send_bytes(sent)
        except (OSError, EOFError):
            self.gone = True
            return False
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self._start()
        return True

    def answered(self) -> Task:
        """The task the worker just answered; the next one sent, if any, starts now."""
        task = self.tasks.pop(0)
        if self.tasks:
            self._start()
        return task

    def _start(self) -> None:
        self.deadline = time.monotonic() + self.tasks[0].settings.timeout_seconds
        self.oom_kills = limits.oom_kills()

    def stop(self) -> None:
        """Kill the process (it may be stuck in C code, so no polite request) and reap it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


#: Tasks are sent ahead only to a worker whose unanswered files total at most this many bytes, so a
#: file never waits long behind another (a 100-page PDF) while some other worker could be free.
AHEAD_BYTES = 256 * 1024


def _pipe_room(conn: Connection) -> int:
    """How many bytes a task sent ahead may take: what surely fits in the pipe of a worker that is not
    reading (half its socket's send buffer), so that sending it never blocks the main process, which
    must keep watching the clock. 0 (never send ahead) where the pipe is not a socket."""
    try:
        with socket.fromfd(conn.fileno(), socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            return sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) // 2
    except OSError:
        return 0


class WorkerPool:
    """Up to `size` workers, started as needed; results come back as (task, result) pairs, in any order.

    With `ahead`, a busy worker is sent up to that many more tasks, which wait in its pipe: it then
    starts the next file as soon as it answers, instead of waiting for the main process to see the
    answer, which on a loaded machine can take a few milliseconds a file. A task waiting in the pipe
    of a worker that dies, runs out of time or stops is sent to another worker."""

    def __init__(self, size: int, work: Work = lint_task, ahead: int = 0) -> None:
        self.size = max(1, size)
        self.work = work
        self.ahead = ahead
        self.workers: list[_Worker] = []
        self.context = multiprocessing.get_context("fork")
        self.backlog: deque[Task] = deque()  # to send: new tasks, and tasks a stopped worker never read
        self._refused: set[int] = set()  # tasks (by id) that a worker already failed to receive
        self._pickled: tuple[Task | None, bytes] = (None, b"")  # the first task of the backlog, pickled

    def submit(self, task: Task) -> Iterator[tuple[Task, FileResult]]:
        """Send `task` to a worker, first yielding finished results while no worker has room for it."""
        self.backlog.append(task)
        while self.backlog:
            yield from self._hand_out()
            if self.backlog:
                yield from self._collect()

    def drain(self) -> Iterator[tuple[Task, FileResult]]:
        """Yield the results of every task still in a worker or waiting to be sent."""
        while self.backlog or any(worker.tasks for worker in self.workers):
            yield from self._hand_out()
            yield from self._collect()

    def close(self) -> None:
        """Stop every worker; idle or stuck, interrupted or done."""
        for worker in self.workers:
            worker.stop()
        self.workers.clear()

    def _room(self, size: int) -> _Worker | None:
        """An idle worker (a new one if there is a free slot), else a busy one that may be sent a task
        of `size` bytes ahead; None if there is none."""
        for worker in self.workers:
            if not worker.tasks and not worker.gone:
                return worker
        if len(self.workers) < self.size:
            return self._start_worker()
        for worker in self.workers:
            sent = worker.tasks
            if (
                not worker.gone
                and len(sent) <= self.ahead
                and sum(len(task.data) for task in sent) <= AHEAD_BYTES
                and size * self.ahead <= worker.pipe_room
            ):
                return worker
        return None

    def _start_worker(self) -> _Worker:
        self.workers.append(_Worker(self.context, self.work))
        return self.workers[-1]

    def _retire(self, worker: _Worker) -> None:
        """Stop the worker; the tasks still in its pipe, never started, go back to the backlog."""
        worker.stop()
        self.workers.remove(worker)
        self.backlog.extendleft(reversed(worker.tasks))
        worker.tasks.clear()

    def _hand_out(self) -> Iterator[tuple[Task, FileResult]]:
        """Send backlog tasks to workers with room. A worker that died while idle is replaced; a task
        that two workers in a row failed to receive becomes an error."""
        while self.backlog:
            task = self.backlog[0]
            if self._pickled[0] is not task:  # pickled once, however long it waits for room
                self._pickled = (task, pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL))
            sent = self._pickled[1]
            worker = self._room(len(sent) + 8)  # and the message's length
            if worker is None:
                return
            self.backlog.popleft()
            self._pickled = (None, b"")
            if worker.give(task, sent):
                self._refused.discard(id(task))
                continue
            if not worker.tasks:  # a busy one is reaped when its pipe reports the death
                self._retire(worker)
            if id(task) in self._refused:
                self._refused.discard(id(task))
                yield task, _died(task, None)
            else:
                self._refused.add(id(task))
                self.backlog.appendleft(task)

    def _collect(self) -> Iterator[tuple[Task, FileResult]]:
        """Wait for a busy worker to answer, die or run out of time, and yield what became of its task.
        Answers are decoded only after the backlog has been sent to the workers that answered."""
        busy = [worker for worker in self.workers if worker.tasks]
        if not busy:
            return
        timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
        ready = wait([worker.conn for worker in busy], timeout)
        answers: list[tuple[_Worker, Task, bytes]] = []
        failed: list[tuple[Task, FileResult]] = []
        for worker in busy:
            if worker.conn in ready:
                raw = _read(worker)
                if raw is not None and raw[:1] == HEALTHY:
                    answers.append((worker, worker.answered(), raw))
                    continue
                task = worker.tasks.pop(0)
                failed.append((task, self._decode(worker, task, raw)))
                self._retire(worker)
            elif time.monotonic() >= worker.deadline:
                task = worker.tasks.pop(0)
                self._retire(worker)
                failed.append((task, error_result(task, limits.timeout_error(task.settings.timeout_seconds))))
        yield from self._hand_out()
        for worker, task, raw in answers:
            yield task, self._decode(worker, task, raw)
        yield from failed

    def _decode(self, worker: _Worker, task: Task, raw: bytes | None) -> FileResult:
        """The result in a worker's answer; a worker that died gets its task an error."""
        if raw is None:
            worker.process.join(5)
            return _died(task, worker.process.exitcode, worker.oom_kills)
        try:
            return pickle.loads(memoryview(raw)[1:])
        except Exception as exc:  # an answer that cannot be unpickled
            return error_result(task, internal_error(f"its result could not be read ({type(exc).__name__})"))


def _read(worker: _Worker) -> bytes | None:
    """A worker's raw answer, or None if it died first."""
    try:
        return worker.conn.recv_bytes()
    except (EOFError, OSError):
        return None


def _died(task: Task, exitcode: int | None, oom_kills: int | None = None) -> FileResult:
    """The error for a file whose worker died. SIGKILL is the OOM killer's only when the system
    counted an OOM kill meanwhile (or cannot say); otherwise something outside killed it. Any other
    signal is a crash in a parser's C library."""
    if exitcode == -signal.SIGKILL:
        now = limits.oom_kills()
        if oom_kills is None or now is None or now > oom_kills:
            return error_result(task, limits.memory_error(limits.Limits.from_settings(task.settings)))
        return error_result(
            task, internal_error("the process reading it was killed (SIGKILL) from outside tenderlint")
        )
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return error_result(task, internal_error(f"the process reading it crashed ({name})"))
    return error_result(
        task, internal_error(f"the process reading it stopped unexpectedly (exit code {exitcode})")
    )
