"""An ordered, streaming process-pool map: results come back in input order, a chunk at a time.

Workers receive chunks of small work items (paths, not file contents) and read files themselves,
so the parent never holds more than the results of the chunks in flight.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

# Chunks in flight per worker: enough to keep every core busy while the parent consumes
# results, few enough that results waiting for their turn stay small.
_IN_FLIGHT_PER_WORKER = 4


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
    processes and yield the results flat, in chunk order. Closing the iterator early cancels
    the work not yet started."""
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from work(chunk)
        return
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

    # fork starts a worker in milliseconds and shares the parent's imports; elsewhere (macOS,
    # Windows) only spawn is safe.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
