"""Running jobs on Dask distributed: a `LocalCluster` by default, or an existing scheduler.

This is the only module that imports `distributed` (the `index` extra). Each repository is one
task; results come back as they complete. A task that outlives its time-out by a grace period
(stuck in a single call the task cannot interrupt) is cancelled and reported as timed out.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from citegraph.errors import ConfigError
from citegraph.index.task import EVENT_TOPIC, scan_repository
from citegraph.index.types import Job, RepoScan

_POLL = 0.1
# How long a scheduler given with --scheduler may be without workers before the run stops:
# its tasks would wait for one, and the run with them, silently and for ever.
WORKER_WAIT = 60.0


@dataclass(frozen=True, slots=True)
class Finished:
    """One job's end: its result, or why there is none."""

    job: Job
    result: RepoScan | None
    error: str | None = None


def default_workers() -> int:
    """One worker process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# citegraph is not on PyPI, so `pip install 'citegraph[index]'` finds nothing: name the
# extra's one dependency, which pip can install beside any citegraph.
NEEDS_DASK = (
    "citegraph index needs Dask distributed (the `index` extra): pip install 'dask[distributed]'"
)


def require_dask() -> None:
    """Stop with a usage error, before anything is made, when Dask distributed is not
    installed (found without importing it)."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise ConfigError(NEEDS_DASK)


@contextmanager
def open_client(
    scheduler: str | None, workers: int | None = None, processes: bool = True
) -> Iterator[Any]:
    """A Dask client: connected to `scheduler`, or to a new `LocalCluster` closed on exit."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ConfigError(NEEDS_DASK) from error
    # Dask logs every connection at INFO, and a task its workers died on at ERROR (under its
    # internal key, beside citegraph's own line naming the repository); citegraph's own -vv
    # shows them, nothing less does.
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ConfigError(
                f"cannot connect to the Dask scheduler at {scheduler}: {error}"
            ) from error
        except ValueError as error:  # `--scheduler HOST` without its port: a traceback
            raise ConfigError(
                f"--scheduler {scheduler!r} is not a scheduler's address ({error}); "
                "write tcp://HOST:PORT"
            ) from error
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT)
            except TimeoutError as error:  # distributed's WorkerStartTimeoutError
                raise ConfigError(
                    f"the Dask scheduler at {scheduler} has no workers (none joined in"
                    f" {WORKER_WAIT:g} s): start them with 'dask worker {scheduler}'"
                ) from error
            yield client
        return
    # A repository that kills its worker (a parser crash) is retried once, not three times.
    held = _HeldInterrupts(processes)
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            try:
                cluster = LocalCluster(
                    n_workers=workers or default_workers(),
                    threads_per_worker=1,  # scanning holds the GIL: processes, not threads
                    processes=processes,
                    # Loopback only: a local cluster serves no one else. (Threads talk
                    # in-process.)
                    **({"host": "127.0.0.1"} if processes else {}),
                    dashboard_address=None,
                    # The scheduler serves health routes over HTTP even without a dashboard:
                    # on a free loopback port rather than 8787, which may be taken.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.CRITICAL,
                )
            except (RuntimeError, OSError, TimeoutError) as error:
                # A worker process killed or out of memory while it starts: Dask raises
                # 'Nanny failed to start.' (an internal error with a traceback, before)
                reason = str(error.__cause__ or error)
                raise ConfigError(
                    f"the local Dask cluster could not start ({reason}); nothing was scanned:"
                    " run again, with fewer --workers, or on a --scheduler"
                ) from error
            with cluster, Client(cluster, set_as_default=False) as client:
                held.release()  # a Ctrl-C held while they started arrives here: both closed
                yield client
    finally:
        held.release()


class _HeldInterrupts:
    """Ctrl-C held back while a local cluster starts (ten seconds under load). Taken then, it
    left Dask half-started and printed its tracebacks (workers stopped mid-import, an exit hook
    closing a cluster never made, a nanny's failed start). Held, it is raised by `release`, once
    the cluster is up, which is then closed as after any interrupt. The worker processes
    started meanwhile keep SIGINT blocked, so a terminal's Ctrl-C, sent to the whole process
    group, reaches citegraph alone, which closes them. Nothing is held off the main thread (a
    library caller's), nor where the interrupt is not Python's own (ignored, or another
    handler's)."""

    def __init__(self, processes: bool) -> None:
        self.taken = False
        self.handler: Any = None
        self.mask: set[int | signal.Signals] | None = None
        if threading.current_thread() is not threading.main_thread():
            return
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return
        # Another thread may be the one the signal is delivered to: the handler holds it.
        self.handler = signal.signal(signal.SIGINT, self._take)
        if hasattr(signal, "pthread_sigmask"):  # POSIX: the workers' mask, inherited
            if processes:
                # Started first: multiprocessing starts it with the first worker and unblocks
                # SIGINT after, whatever the mask was, and the workers after it took Ctrl-C.
                from multiprocessing import resource_tracker

                resource_tracker.ensure_running()
            self.mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})

    def _take(self, signum: int, frame: object) -> None:
        self.taken = True

    def release(self) -> None:
        """Let Ctrl-C through again, raising KeyboardInterrupt for one taken meanwhile."""
        if self.handler is None:
            return
        signal.signal(signal.SIGINT, self.handler)
        self.handler = None
        if self.mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.mask)  # one pending is raised now
        if self.taken:
            raise KeyboardInterrupt


def run_jobs(
    client: Any,
    jobs: Sequence[Job],
    on_start: Callable[[Job], None] | None = None,
    grace: float = 30.0,
) -> Iterator[Finished]:
    """Submit every job and yield each as it finishes, failures included."""
    by_spec = {job.source.spec: job for job in jobs}
    started: dict[str, float] = {}
    lock = threading.Lock()

    def on_event(event: Any) -> None:
        message = event[1] if isinstance(event, tuple) and len(event) == 2 else event
        spec = message.get("spec") if isinstance(message, dict) else None
        if spec in by_spec:
            with lock:
                first = spec not in started
                started[spec] = time.monotonic()
            if first and on_start is not None:
                on_start(by_spec[spec])

    client.subscribe_topic(EVENT_TOPIC, on_event)
    # Jobs run in the order given (higher priority first), whatever the scheduler's default.
    futures = {
        client.submit(
            scan_repository,
            job,
            pure=False,
            key=f"citegraph-index-{i}-{time.time_ns()}",
            priority=len(jobs) - i,
        ): job
        for i, job in enumerate(jobs)
    }
    pending = set(futures)
    try:
        while pending:
            done = [future for future in pending if future.done()]
            if not done:
                time.sleep(_POLL)
            for future in done:
                pending.discard(future)
                yield _finished(futures[future], future)
            now = time.monotonic()
            for future in list(pending):
                job = futures[future]
                with lock:
                    began = started.get(job.source.spec)
                if job.timeout and began is not None and now - began > job.timeout + grace:
                    future.cancel()
                    pending.discard(future)
                    yield Finished(job, None, f"timed out after {job.timeout:g} s (cancelled)")
    finally:
        if pending:  # interrupted: nothing should keep running for us
            client.cancel(list(pending), force=True)
        with suppress(Exception):  # the connection may be gone already
            client.unsubscribe_topic(EVENT_TOPIC)


def _finished(job: Job, future: Any) -> Finished:
    if future.status == "finished":
        return Finished(job, future.result())
    if future.status == "cancelled":
        return Finished(job, None, "cancelled")
    error = future.exception()
    name = type(error).__name__
    if name == "KilledWorker":
        return Finished(job, None, "the worker scanning it died (crash or out of memory)")
    message = str(error).strip() or name
    known = name in ("SourceUnavailable", "RepoTimeout", "ConfigError", "InputError")
    return Finished(job, None, message if known else f"{name}: {message}")
