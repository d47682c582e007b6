"""A pool's workers get the costliest files first, in chunks of about equal cost."""

from __future__ import annotations

import pytest

from scanner import schedule
from scanner.memo import in_job_order


def _chunks(order: list[int], lengths: list[int]) -> list[list[int]]:
    chunks, start = [], 0
    for length in lengths:
        chunks.append(order[start : start + length])
        start += length
    return chunks


def test_the_largest_files_go_first_and_the_last_chunks_are_small() -> None:
    jobs = [(f"m{i:03}.py", "python") for i in range(200)]
    sizes = [1_000] * 200
    sizes[150] = 5_000_000  # a large module late in path order
    sizes[7] = 2_000_000
    order, lengths = schedule.deal(jobs, sizes, 2)
    assert sorted(order) == list(range(200))
    assert order[:2] == [150, 7]
    chunks = _chunks(order, lengths)
    assert chunks[0] == [150]  # alone: its cost is more than a chunk's share
    assert all(len(chunk) <= schedule.CHUNK_MAX for chunk in chunks)
    # Equal sizes keep their path order.
    assert order[2:] == [i for i in range(200) if i not in (7, 150)]


def test_copies_stay_together() -> None:
    jobs = [("a/x.h", "c"), ("a/y.py", "python"), ("b/z.h", "c"), ("c/x.h", "c")]
    order, lengths = schedule.deal(jobs, [10, 10, 50_000, 10], 2)
    assert order == [2, 0, 3, 1]  # x.h and its copy as one group, cheaper than z.h
    assert sum(lengths) == 4


def test_files_are_reordered_within_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schedule, "WINDOW", 10)
    jobs = [(f"m{i:02}.py", "python") for i in range(25)]
    order, _ = schedule.deal(jobs, list(range(25)), 2)
    assert order == [*range(9, -1, -1), *range(19, 9, -1), *range(24, 19, -1)]
    results = iter([jobs[index][0] for index in order])
    assert list(in_job_order(results, order)) == [path for path, _ in jobs]


def test_unknown_sizes_keep_the_path_order() -> None:
    jobs = [(f"m{i:03}.py", "python") for i in range(100)]
    order, lengths = schedule.deal(jobs, [0] * 100, 2)
    assert order == list(range(100))
    assert set(lengths[:-1]) == {7} and sum(lengths) == 100
