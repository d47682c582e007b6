"""The wall time a cold two-worker scan would take on an unloaded machine, from its CPU times.

    python -m benchmarks.pool_wall DIR [--runs 5] [--vs CHECKOUT]

On a machine shared with other jobs, wall times stretch two- to fourfold and paired wall ratios
swing widely; CPU times barely move. Each run is one cold `citegraph scan DIR --no-resolve -f
json` (empty cache, two workers) in this process, instrumented: the model is the parent's CPU
time up to the fork, plus the pool's makespan replayed from each chunk's CPU time with the pool's
own protocol (`scanner.parallel`: chunks handed out in order, two queued per worker, a window of
chunks in flight), plus the parent's CPU time after the last result, plus the parent's wait for a
walk made apart from it (`walk_wait`: the child's CPU time beyond what the parent spent between
forking it and asking for its survey). What it leaves out: the parent's work while the workers
run (it shares their two cores). With `--vs CHECKOUT` (a checkout with its own `.venv`,
whose scanner the runs import; this file need not be in it) the runs alternate with that
checkout's and the ratios are taken pair by pair.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

KEYS = (
    "modeled_wall",
    "before_fork",
    "walk_wait",
    "pool",
    "even_split",
    "after",
    "chunk_cpu",
    "walk_apart",
)


def replay(costs: Sequence[float], workers: int = 2, queued: int = 2, window: int = 8) -> float:
    """The makespan of chunks of `costs` seconds handed out as `scanner.parallel` hands them:
    in order, to each worker holding fewer than `queued`, within `window` of the oldest chunk
    not yet done."""
    held: list[deque[int]] = [deque() for _ in range(workers)]
    until = [0.0] * workers
    done: set[int] = set()
    sent = wanted = 0
    now = 0.0

    def hand_out() -> None:
        nonlocal sent
        for worker in range(workers):
            while len(held[worker]) < queued and sent < len(costs) and sent < wanted + window:
                held[worker].append(sent)
                sent += 1

    hand_out()
    for worker in range(workers):
        if held[worker]:
            until[worker] = costs[held[worker][0]]
    while wanted < len(costs):
        worker = min((w for w in range(workers) if held[w]), key=until.__getitem__)
        now = until[worker]
        done.add(held[worker].popleft())
        while wanted in done:
            wanted += 1
        idle = [not held[w] for w in range(workers)]
        hand_out()
        for w in range(workers):
            if held[w] and (w == worker or idle[w]):
                until[w] = now + costs[held[w][0]]
    return now


def measure(root: Path) -> dict[str, float]:
    """One instrumented cold scan of `root` in this process (it forks the workers)."""
    import scanner.parallel as parallel
    import scanner.scan as scan

    cache = tempfile.mkdtemp()
    os.environ["CITEGRAPH_CACHE_DIR"] = cache
    os.environ["CITEGRAPH_OFFLINE"] = "1"
    reader, writer = os.pipe()
    marks: dict[str, float] = {}
    serve, survey, forked_map = parallel._serve, scan._survey, parallel._forked_map

    def timed_serve(work: Any, chunks: Any, tasks: Any, results: Any) -> None:
        ids = {id(chunk): index for index, chunk in enumerate(chunks)}

        def timed(chunk: Any) -> Any:
            start = time.process_time()
            out = work(chunk)
            os.write(writer, f"C {ids[id(chunk)]} {time.process_time() - start}\n".encode())
            return out

        serve(timed, chunks, tasks, results)

    def timed_survey(*args: Any) -> Any:
        start = time.process_time()
        out = survey(*args)
        os.write(writer, f"W {os.getpid()} {time.process_time() - start}\n".encode())
        return out

    def timed_map(*args: Any) -> Iterator[Any]:
        marks["fork"] = time.process_time()
        total = sum(len(chunk) for chunk in args[1])
        for seen, item in enumerate(forked_map(*args), 1):
            if seen == total:
                marks["last"] = time.process_time()
            yield item

    # The parent's CPU time when it forks the survey's child and when it asks for the survey
    # (done with what it prepares meanwhile): the child's walk beyond that is a wait.
    call_init, call_result = parallel.ForkedCall.__init__, parallel.ForkedCall.result

    def marked_init(self: Any, *args: Any) -> None:
        marks["walker"] = time.process_time()
        call_init(self, *args)

    def marked_result(self: Any) -> Any:
        marks["asked"] = time.process_time()
        return call_result(self)

    setattr(parallel.ForkedCall, "__init__", marked_init)  # noqa: B010
    setattr(parallel.ForkedCall, "result", marked_result)  # noqa: B010
    parallel._serve, scan._survey, parallel._forked_map = timed_serve, timed_survey, timed_map
    from citegraph.cli import main

    args = ["scan", str(root), "--no-resolve", "--quiet", "-f", "json", "-o", f"{cache}/o.json"]
    with contextlib.suppress(SystemExit):  # the CLI's exit code: 1 when it finds citations
        main([*args, "--jobs", "2"])
    end = time.process_time()
    os.close(writer)
    data = b""
    while piece := os.read(reader, 1 << 20):
        data += piece
    costs: dict[int, float] = {}
    apart = 0.0
    for line in data.decode().splitlines():
        kind, first, second = line.split()
        if kind == "C":
            costs[int(first)] = float(second)
        elif int(first) != os.getpid():
            apart = float(second)
    ordered = [costs[index] for index in range(len(costs))]
    # The protocol of the checkout measured (`--vs` runs another one's).
    queued = getattr(parallel, "_QUEUED_PER_WORKER", 2)
    window = 2 * getattr(parallel, "_IN_FLIGHT_PER_WORKER", 4)
    pool = replay(ordered, queued=queued, window=window)
    before, after = marks["fork"], end - marks["last"]
    wait = 0.0
    if "walker" in marks and "asked" in marks:
        wait = max(0.0, apart - (marks["asked"] - marks["walker"]))
    return {
        "modeled_wall": before + wait + pool + after,
        "before_fork": before,
        "walk_wait": wait,
        "pool": pool,
        "even_split": sum(ordered) / 2,
        "after": after,
        "chunk_cpu": sum(ordered),
        "walk_apart": apart,
    }


def _run(python: str, root: Path) -> dict[str, float]:
    """One run in a fresh process of `python`, which imports the scanner of its own checkout
    (this file is run as a script, from outside any checkout)."""
    command = [python, str(Path(__file__).resolve()), str(root), "--one"]
    out = subprocess.run(
        command, capture_output=True, text=True, check=True, cwd=tempfile.gettempdir()
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--vs", type=Path, help="a checkout (with its .venv) to pair with")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        print(json.dumps(measure(options.root.resolve())))
        return
    root = options.root.resolve()
    mine: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for _ in range(options.runs):
        mine.append(_run(sys.executable, root))
        if options.vs is not None:
            theirs.append(_run(str(options.vs / ".venv" / "bin" / "python"), root))
    print(f"{root}: medians of {options.runs} cold scans, two workers (seconds)")
    for key in KEYS:
        line = f"  {key:<13} {statistics.median(m[key] for m in mine):7.3f}"
        if theirs:
            ratios = [m[key] / t[key] for m, t in zip(mine, theirs, strict=True) if t[key]]
            line += f"   vs {statistics.median(t[key] for t in theirs):7.3f}"
            if ratios:
                line += f"   ratio {statistics.median(ratios):.3f}"
        print(line)


if __name__ == "__main__":
    main()
