"""An ordered, streaming process-pool map: results come back in input order, a chunk at a time.

Workers receive chunks of small work items (paths, not file contents) and read files themselves,
so the parent never holds more than the results of the chunks in flight. Where processes fork
(Linux), the workers are forked children that inherit the work and its chunks: the parent sends
each a chunk's index and reads back one pickle of the chunk's results, with no executor, call
queue or futures between them (on a tree of 10,000 files, that machinery cost a quarter of a
second of CPU time, in the parent and the workers). Elsewhere a `ProcessPoolExecutor` spawns them.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")

# Chunks in flight per worker: enough to keep every core busy while the parent consumes
# results, few enough that results waiting for their turn stay small.
_IN_FLIGHT_PER_WORKER = 6
# A forked worker's queue of chunk indices: one to work on, two ready behind it. The parent
# shares the cores with the workers and hands out the next index only once it runs again: with
# one ready behind, a worker waited for work 0.01 s to 0.05 s of a cold scan of tf-include on a
# quiet machine, and about 0.15 s under a load of 4 (two behind: about 0.1 s).
_QUEUED_PER_WORKER = 3


class WorkerDied(RuntimeError):
    """A worker process ended (killed, crashed) before returning a chunk's results."""


def available_cores() -> int:
    """The cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """The worker count for a `jobs` setting: 0 means one per available core."""
    return available_cores() if jobs <= 0 else jobs


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` cut into consecutive slices of at most `size`."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def ordered_map(
    work: Callable[[Sequence[T]], list[R]],
    chunks: Sequence[Sequence[T]],
    jobs: int,
) -> Iterator[R]:
    """Apply `work` (a module-level function taking one chunk) to every chunk in `jobs` worker
    processes and yield the results flat, in chunk order. Closing the iterator early stops
    the workers."""
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from work(chunk)
        return
    if forks():
        yield from _forked_map(work, chunks, min(jobs, len(chunks)))
        return
    yield from _pooled_map(work, chunks, jobs)


def forks() -> bool:
    """Whether worker processes are forked here (see `ordered_map`)."""
    # fork starts a worker in milliseconds and shares the parent's imports; elsewhere (macOS,
    # Windows) only spawn is safe.
    return sys.platform.startswith("linux") and hasattr(os, "fork")


class _Child:
    """A forked worker: its process id, the pipe its chunk indices go down and the one its
    results come up, and the indices it holds, oldest first."""

    __slots__ = ("held", "pid", "results", "tasks")

    def __init__(self, pid: int, tasks: Connection, results: Connection) -> None:
        self.pid = pid
        self.tasks = tasks
        self.results = results
        self.held: deque[int] = deque()


def _forked_map(
    work: Callable[[Sequence[T]], list[R]], chunks: Sequence[Sequence[T]], jobs: int
) -> Iterator[R]:
    import pickle
    from multiprocessing.connection import Pipe, wait

    children: list[_Child] = []
    finished = False
    # The children inherit every object of the parent: frozen, their collections never walk
    # them (nor write to their pages, which would copy each page into every child).
    gc.freeze()
    try:
        for _ in range(jobs):
            task_out, task_in = Pipe(duplex=False)
            result_out, result_in = Pipe(duplex=False)
            # What the parent writes now must not be written again by a child's exit.
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's side, measured by its results
                for earlier in children:
                    earlier.tasks.close()
                    earlier.results.close()
                task_in.close()
                result_out.close()
                _serve(work, chunks, task_out, result_in)
            task_out.close()
            result_in.close()
            children.append(_Child(pid, task_in, result_out))
        gc.unfreeze()
        done: dict[int, list[R]] = {}
        sent = wanted = 0
        # Results waiting for their turn stay within this many chunks of the one yielded next.
        window = jobs * _IN_FLIGHT_PER_WORKER

        def hand_out() -> None:
            nonlocal sent
            for child in children:
                while (
                    len(child.held) < _QUEUED_PER_WORKER
                    and sent < len(chunks)
                    and sent < wanted + window
                ):
                    try:
                        child.tasks.send_bytes(sent.to_bytes(4, "little"))
                    except OSError:
                        raise WorkerDied(f"a scan worker (process {child.pid}) died") from None
                    child.held.append(sent)
                    sent += 1

        hand_out()
        by_connection = {id(child.results): child for child in children}
        while wanted < len(chunks):
            if wanted in done:
                results = done.pop(wanted)
                wanted += 1
                hand_out()
                yield from results
                continue
            busy = [child.results for child in children if child.held]
            for connection in wait(busy):
                child = by_connection[id(connection)]
                try:
                    payload = connection.recv_bytes()  # type: ignore[union-attr]
                except (EOFError, OSError):
                    raise WorkerDied(f"a scan worker (process {child.pid}) died") from None
                index, ok, value = pickle.loads(payload)
                if not ok:
                    raise value
                child.held.popleft()
                done[index] = value
            hand_out()
        finished = True
    finally:
        gc.unfreeze()
        _stop(children, finished)


def _serve(
    work: Callable[[Sequence[T]], list[R]],
    chunks: Sequence[Sequence[T]],
    tasks: Connection,
    results: Connection,
) -> None:  # pragma: no cover - runs in a forked child
    """A forked worker's life: work on the chunks whose indices arrive, send back their results,
    and end (without the parent's exit handlers) when the parent closes its pipe."""
    import pickle
    import signal

    status = 0
    try:
        # The parent hears Ctrl-C and stops its workers; a worker's own traceback is noise.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        while True:
            try:
                index = int.from_bytes(tasks.recv_bytes(), "little")
            except (EOFError, OSError):
                break
            try:
                payload = pickle.dumps((index, True, work(chunks[index])), pickle.HIGHEST_PROTOCOL)
            except BaseException as error:  # handed to the parent, which raises it
                payload = _error_payload(index, error)
            results.send_bytes(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _error_payload(index: int, error: BaseException) -> bytes:
    import pickle

    try:
        return pickle.dumps((index, False, error), pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle
        return pickle.dumps((index, False, RuntimeError(f"{type(error).__name__}: {error}")))


def _stop(children: list[_Child], finished: bool) -> None:
    """Close the workers' pipes (a worker ends at its next read), stop those still working
    when the map was cut short, and wait for every one."""
    import signal

    for child in children:
        child.tasks.close()
        if not finished:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGKILL)
    for child in children:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child.pid, 0)
        child.results.close()


class ForkedCall:
    """`call()` run in a forked child while this process goes on, its result (or exception)
    read back by `result`. Only where processes fork (`forks`). Use as a context manager: a
    child whose result was not read is stopped on the way out."""

    def __init__(self, call: Callable[[], object]) -> None:
        from multiprocessing.connection import Pipe

        receive, send = Pipe(duplex=False)
        sys.stdout.flush()
        sys.stderr.flush()
        gc.freeze()  # as for the pool: the child's collections never walk this process's objects
        try:
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's side, measured by its result
                receive.close()
                _answer(call, send)
        finally:
            gc.unfreeze()
        send.close()
        self.pid: int | None = pid
        self._receive = receive

    def __enter__(self) -> ForkedCall:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ready(self) -> bool:
        """Whether `result` would return (or raise) without waiting."""
        return self.pid is None or self._receive.poll()

    def result(self) -> object:
        """What `call()` returned in the child; what it raised is raised here."""
        import pickle

        try:
            payload = self._receive.recv_bytes()
        except (EOFError, OSError):
            raise WorkerDied(f"a scan worker (process {self.pid}) died") from None
        finally:
            self.close()
        _, ok, value = pickle.loads(payload)
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop the child if it is still at work, and wait for it."""
        import signal

        pid, self.pid = self.pid, None
        if pid is None:
            return
        self._receive.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # it has ended when its answer was read
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _answer(call: Callable[[], object], send: Connection) -> None:  # pragma: no cover - a child
    import pickle
    import signal

    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            payload = pickle.dumps((0, True, call()), pickle.HIGHEST_PROTOCOL)
        except BaseException as error:
            payload = _error_payload(0, error)
        send.send_bytes(payload)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _pooled_map(
    work: Callable[[Sequence[T]], list[R]], chunks: Sequence[Sequence[T]], jobs: int
) -> Iterator[R]:
    # Imported here: a warm rescan, served from the cache, never starts a pool.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=_context())
    pending: deque[Future[list[R]]] = deque()
    upcoming = iter(chunks)
    limit = jobs * _IN_FLIGHT_PER_WORKER
    try:
        for chunk in upcoming:
            pending.append(pool.submit(work, chunk))
            if len(pending) >= limit:
                break
        while pending:
            results = pending.popleft().result()
            next_chunk = next(upcoming, None)
            if next_chunk is not None:
                pending.append(pool.submit(work, next_chunk))
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    return multiprocessing.get_context("spawn")
