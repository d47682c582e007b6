"""The order and the chunks a pool's workers get a tree's files in: the costliest files first.

Dealt out in path order, a pool's last chunks were whatever files sort last, a large module
among them as often as not: on the scipy wheel one worker of two went on alone for the last
0.3 s to 0.8 s of a 4 s scan. Dealt out largest first (a file's size is the one estimate of its
cost known before it is read), the large files start while the other worker has work left, the
small ones fill the gaps, and the last chunks are of the smallest files, cheap whichever worker
takes them. Chunks are cut to about equal estimated cost rather than an equal count.

Files are reordered within windows of `WINDOW` files in path order, so that a result waits for
the other files of its window only, not for the whole tree (the parent keeps the results made
early until their turn, and the progress line moves on a window at a time). The copies of a
file stay together, as `scanner.memo.copy_groups` puts them, so that they reach the worker
whose memo holds the first one's result.
"""

from __future__ import annotations

from collections.abc import Sequence

from scanner.memo import copy_groups

# Files reordered together (results wait for the files of their window).
WINDOW = 2048
# Files in one chunk at most: a chunk's results come back in one message.
CHUNK_MAX = 32
# Chunks of a window for each worker: enough that the chunks' ends even out.
CHUNKS_PER_WORKER = 8
# What a file costs beyond its bytes (opening, reading, digesting and testing it; results
# handed back), in bytes of size: about 65 us against a prefilter's 400 MB/s.
FILE_COST = 16_384


def deal(
    jobs: Sequence[tuple[str, str]], sizes: Sequence[int], workers: int
) -> tuple[list[int], list[int]]:
    """The order to hand `jobs` (path, language name) of `sizes` bytes to `workers` workers,
    as indices into `jobs`, and the lengths of the consecutive chunks to cut that order into.
    Within each window the groups of copies go largest first (their members' sizes summed;
    equal ones in path order); chunks close at `CHUNK_MAX` files or a share of the window's
    estimated cost. Unknown sizes (0) leave the path order."""
    order: list[int] = []
    lengths: list[int] = []
    window: list[list[int]] = []
    count = 0
    for group in copy_groups(jobs):
        window.append(group)
        count += len(group)
        if count >= WINDOW:
            _deal_window(window, sizes, workers, order, lengths)
            window, count = [], 0
    if window:
        _deal_window(window, sizes, workers, order, lengths)
    return order, lengths


def _deal_window(
    groups: list[list[int]],
    sizes: Sequence[int],
    workers: int,
    order: list[int],
    lengths: list[int],
) -> None:
    costs = [sum(sizes[i] for i in group) + FILE_COST * len(group) for group in groups]
    ranked = sorted(range(len(groups)), key=costs.__getitem__, reverse=True)  # stable
    share = sum(costs) / (workers * CHUNKS_PER_WORKER)
    length = 0
    spent = 0
    for rank in ranked:
        for index in groups[rank]:
            order.append(index)
            length += 1
            spent += sizes[index] + FILE_COST
            if length >= CHUNK_MAX or spent >= share:
                lengths.append(length)
                length = spent = 0
    if length:
        lengths.append(length)
