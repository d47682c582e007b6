"""The ordered process-pool map keeps input order, in and out of worker processes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from scanner.parallel import chunked, ordered_map, resolve_jobs


def _square_with_pid(chunk: Sequence[int]) -> list[tuple[int, int]]:
    import os

    return [(n * n, os.getpid()) for n in chunk]


def test_results_come_back_in_order_from_several_processes() -> None:
    import os

    chunks = chunked(list(range(200)), 7)
    results = list(ordered_map(_square_with_pid, chunks, jobs=2))
    assert [r for r, _ in results] == [n * n for n in range(200)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_job_runs_in_process() -> None:
    import os

    results = list(ordered_map(_square_with_pid, chunked([1, 2, 3], 2), jobs=1))
    assert results == [(1, os.getpid()), (4, os.getpid()), (9, os.getpid())]


def test_closing_early_stops_the_pool() -> None:
    stream = ordered_map(_square_with_pid, chunked(list(range(1000)), 5), jobs=2)
    assert next(stream)[0] == 0
    stream.close()


def test_chunking_and_jobs() -> None:
    assert chunked([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) >= 1


def _fail_on_seven(chunk: Sequence[int]) -> list[int]:
    if 7 in chunk:
        raise ValueError("seven")
    return list(chunk)


def _die_on_seven(chunk: Sequence[int]) -> list[int]:
    import os

    if 7 in chunk:
        os._exit(3)
    return list(chunk)


def test_a_workers_exception_reaches_the_caller() -> None:
    import pytest

    with pytest.raises(ValueError, match="seven"):
        list(ordered_map(_fail_on_seven, chunked(list(range(40)), 3), jobs=2))


def test_a_dead_worker_stops_the_map() -> None:
    import pytest

    from scanner.parallel import WorkerDied

    with pytest.raises(WorkerDied):
        list(ordered_map(_die_on_seven, chunked(list(range(40)), 3), jobs=2))


def test_the_spawned_pool_keeps_order_too() -> None:
    # The pool of platforms without fork (macOS, Windows), run here all the same.
    from scanner.parallel import _pooled_map

    results = list(_pooled_map(_square_with_pid, chunked(list(range(50)), 4), 2))
    assert [r for r, _ in results] == [n * n for n in range(50)]


def test_a_forked_call_gives_back_its_result_or_its_exception() -> None:
    import os

    import pytest

    from scanner.parallel import ForkedCall

    with ForkedCall(lambda: ("made in", os.getpid())) as call:
        while not call.ready():
            pass
        label, pid = call.result()  # type: ignore[misc]
    assert label == "made in" and pid != os.getpid()
    with ForkedCall(lambda: int("x")) as call, pytest.raises(ValueError, match="invalid literal"):
        call.result()


def test_a_forked_call_not_asked_is_stopped() -> None:
    import os
    import time

    from scanner.parallel import ForkedCall

    with ForkedCall(lambda: time.sleep(60)) as call:
        pid = call.pid
        assert pid is not None and not call.ready()
    assert call.pid is None
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass  # reaped: the child is gone
    else:
        raise AssertionError("the child was not waited for")


def test_each_worker_is_handed_three_chunks_before_any_comes_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    from multiprocessing.connection import Connection

    parent = os.getpid()
    events: list[str] = []
    send, receive = Connection.send_bytes, Connection.recv_bytes

    def counted_send(self: Connection, *args: object) -> None:
        if os.getpid() == parent:
            events.append("sent")
        send(self, *args)  # type: ignore[arg-type]

    def counted_receive(self: Connection, *args: object) -> bytes:
        if os.getpid() == parent:
            events.append("received")
        return receive(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Connection, "send_bytes", counted_send)
    monkeypatch.setattr(Connection, "recv_bytes", counted_receive)
    chunks = chunked(list(range(100)), 5)
    results = list(ordered_map(_square_with_pid, chunks, jobs=2))
    assert [r for r, _ in results] == [n * n for n in range(100)]
    # A worker never waits for the parent to run again while two more chunks are ready for it.
    assert events.index("received") == 6
