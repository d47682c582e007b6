"""Scan benchmark: how close is `citegraph scan` to the cost of reading every file once?

    python -m benchmarks.bench_scan [--repo PATH | --out DIR] [--runs 5] [--scale 2] [--no-stages]

Times (CPU: user + system of the scan and its workers; and wall), each the median of
`--runs` fresh subprocesses: (a) the floor, reading every candidate file and testing its
lowercased bytes for a few needles; (b) a cold `citegraph scan --no-resolve -f json` with an
empty cache; (c) a warm rescan with nothing changed; (d) a rescan after changing the content of
10 files. Prints the ratios to the floor and the peak memory (max RSS of any process of the
run), then where a single-worker cold scan spends its CPU time, stage by stage
(`benchmarks/stages.py`). Without `--repo` it generates (or reuses) a synthetic repository of
about 20,000 files and 150 MB per unit of `--scale`; with `--repo`, `--scale N` scans N copies
of the tree side by side (how memory grows with the tree).

The scans run with compiled bytecode, as an installed citegraph has: where the environment
says not to write it (PYTHONDONTWRITEBYTECODE), every run would otherwise compile citegraph's
modules from source again, which no user's run does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synth import GENERATOR_VERSION, generate

FLOOR = """
import sys
needles = (b"arxiv", b"doi", b"http", b"et al")
hits = 0
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, "rb") as handle:
        lowered = handle.read().lower()
    hits += any(n in lowered for n in needles)
print(hits)
"""
TOUCHED = 10
# The line comment of the languages whose comments are neither `#` nor `//` (fixed-form
# Fortran's `C` in the first column).
_LINE_COMMENTS = {"matlab": "%", "fortran": "!", "fortran-fixed": "C"}


def candidate_files(root: Path) -> list[Path]:
    """The files a scan considers (walked exactly as citegraph walks them)."""
    from scanner.languages import language_for
    from scanner.options import ScanOptions
    from scanner.walk import iter_candidates

    return [
        root / c.path
        for c in iter_candidates(root, ScanOptions())
        if c.skip is None and language_for(c.path) is not None
    ]


@dataclass(frozen=True, slots=True)
class Timing:
    """One measurement: wall seconds, CPU seconds (user + system of the process and the
    workers it waited for) and peak RSS in MB of the largest single process."""

    wall: float
    cpu: float
    peak: int


def timed(command: list[str], env: dict[str, str]) -> Timing:
    """The wall and CPU time and peak RSS of one subprocess run (its own and its children's)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: findings reported, still a complete scan
        raise SystemExit(f"{command} failed with {process.returncode}")
    return Timing(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def median_of(
    runs: int, command: list[str], env: dict[str, str], before: Callable[[int], None]
) -> Timing:
    """The median times and the largest peak memory over `runs` runs, `before(i)` preparing
    each."""
    timings = []
    for index in range(runs):
        before(index)
        timings.append(timed(command, env))
    return Timing(
        statistics.median(t.wall for t in timings),
        statistics.median(t.cpu for t in timings),
        max(t.peak for t in timings),
    )


def touch_files(files: list[Path], run: int) -> None:
    """Change the content of `TOUCHED` files spread over the tree (a new trailing comment line,
    in the file's own syntax: a `//` line would make a Python module unparsable and send it
    through the fallback parsers, which no real edit does)."""
    from scanner.languages import language_for

    step = max(1, len(files) // TOUCHED)
    for path in files[::step][:TOUCHED]:
        language = language_for(path.name)
        mark = "#" if language is not None and language.parser == "python" else "//"
        mark = _LINE_COMMENTS.get(language.name, mark) if language is not None else mark
        with path.open("ab") as handle:
            handle.write(f"\n{mark} benchmark edit {run} {time.time_ns()}\n".encode())


def copy_tree(source: Path, target: Path, copies: int) -> Path:
    """`source` copied to `target`, or, for `copies` > 1, that many times side by side under
    it (`copy-1/`, `copy-2/`, ...). Returns `target`."""
    if copies == 1:
        shutil.copytree(source, target, symlinks=True)
        return target
    for number in range(1, copies + 1):
        shutil.copytree(source, target / f"copy-{number}", symlinks=True)
    return target


def scan_environment(work: Path, cache: Path) -> dict[str, str]:
    """The environment of the timed runs: offline, a cache of their own, and bytecode kept
    under `work` (compiled there once by `compile_packages`)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        CITEGRAPH_CACHE_DIR=str(cache),
        CITEGRAPH_OFFLINE="1",
        PYTHONPYCACHEPREFIX=str(work / "bytecode"),
    )
    return env


def compile_packages(env: dict[str, str]) -> None:
    """Compile citegraph's packages to bytecode before the timed runs."""
    import catalog
    import citegraph
    import scanner

    folders = [str(Path(package.__path__[0])) for package in (catalog, citegraph, scanner)]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], env=env, check=True)


def bench(root: Path, runs: int, work: Path) -> dict[str, Timing]:
    """Measure the four timings on `root`."""
    files = candidate_files(root)
    listing = work / "files.txt"
    listing.write_text("\n".join(str(p) for p in files), encoding="utf-8")
    cache = work / "cache"
    env = scan_environment(work, cache)
    compile_packages(env)
    scan = [
        sys.executable,
        "-m",
        "citegraph",
        "scan",
        str(root),
        "--no-resolve",
        "--quiet",
        "-f",
        "json",
        "-o",
        str(work / "report.json"),
    ]
    size = sum(p.stat().st_size for p in files)
    print(f"{root}: {len(files):,} files, {size / 1e6:.1f} MB; median of {runs} runs")

    def clear(_: int) -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def nothing(_: int) -> None:
        pass

    results = {"floor": median_of(runs, [sys.executable, "-c", FLOOR, str(listing)], env, nothing)}
    results["cold"] = median_of(runs, scan, env, clear)
    timed(scan, env)  # prime the cache for the warm runs
    results["warm"] = median_of(runs, scan, env, nothing)
    results["touched"] = median_of(runs, scan, env, lambda i: touch_files(files, i))
    return results


def report(results: dict[str, Timing]) -> None:
    """Print the timings, their ratios to the floor and peak memory.

    The ratios are of CPU time: on a shared machine other processes stretch wall time, not the
    work a run does; wall time is printed beside it."""
    floor = results["floor"]
    labels = {
        "floor": "(a) floor: read + needles",
        "cold": "(b) cold scan",
        "warm": "(c) warm rescan, unchanged",
        "touched": f"(d) rescan, {TOUCHED} files changed",
    }
    print(f"  {'':<32} {'cpu':>7}    {'ratio':>11}  {'wall':>7}    {'ratio':>5}  peak RSS")
    for key, label in labels.items():
        t = results[key]
        print(
            f"  {label:<32} {t.cpu:7.2f} s  {t.cpu / floor.cpu:5.2f}x floor  {t.wall:7.2f} s"
            f"  {t.wall / floor.wall:5.2f}x  {t.peak} MB"
        )


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, help="benchmark an existing directory")
    parser.add_argument("--out", type=Path, help="where to generate the synthetic repository")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="size multiplier: of the synthetic tree, or copies of --repo (a whole number)",
    )
    parser.add_argument("--files", type=int, default=20000, help="synthetic files at scale 1")
    parser.add_argument("--megabytes", type=float, default=150.0, help="synthetic MB at scale 1")
    parser.add_argument(
        "--no-stages", action="store_true", help="leave out the per-stage breakdown"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="citegraph-bench-") as temp:
        work = Path(temp)
        if args.repo is not None:
            if not args.repo.is_dir():
                raise SystemExit(f"not a directory: {args.repo}")
            if args.scale < 1 or args.scale != int(args.scale):
                raise SystemExit(f"--scale with --repo is a number of copies: {args.scale:g}")
            # The "10 files changed" runs edit files: work on a copy, never on the user's tree.
            root = copy_tree(args.repo.resolve(), work / "repo", int(args.scale))
        else:
            files, megabytes = int(args.files * args.scale), args.megabytes * args.scale
            base = args.out or Path(tempfile.gettempdir()) / "citegraph-bench-synth"
            # The generator's version is in the name, so trees of two versions (two branches
            # benchmarked side by side) do not regenerate each other.
            name = f"synth-v{GENERATOR_VERSION}-{files}-{megabytes:g}"
            root = generate(base / name, files, megabytes)
        report(bench(root, args.runs, work))
        if not args.no_stages:
            # In a fresh process of its own: the breakdown patches the scanner's functions.
            stages = Path(__file__).with_name("stages.py")
            subprocess.run([sys.executable, str(stages), str(root)], check=True)


if __name__ == "__main__":
    main()
