"""The pool's wall-time model replays the pool's protocol."""

from __future__ import annotations

from benchmarks.pool_wall import replay


def test_even_chunks_split_evenly_and_a_late_large_one_ends_alone() -> None:
    assert replay([1.0] * 8) == 4.0
    # Path order with a large chunk last: the other worker has nothing left to do.
    assert replay([1.0] * 6 + [5.0]) == 3.0 + 5.0
    # The same chunks, largest first: the small ones fill in beside it.
    assert replay([5.0] + [1.0] * 6) == 6.0


def test_the_window_holds_back_chunks_far_ahead_of_the_oldest() -> None:
    # A long first chunk: the other worker may run at most `window` chunks ahead of it.
    assert replay([10.0] + [0.5] * 20, window=8) > replay([10.0] + [0.5] * 20, window=64)
