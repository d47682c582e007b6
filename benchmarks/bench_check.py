"""Pre-commit hook benchmark: `citegraph check --force-exclude FILE...` on staged files that cite.

    python -m benchmarks.bench_check --repo PATH [--files 10] [--every 24] [--runs 21]

Copies PATH into a new git repository (outside the tree), scans the copy once to find the
Python files that cite papers, takes the first `--files` of every `--every`-th of them by path
(the README's figure: scipy, the first 10 of every 24th of its 242 citing modules), and times
the hook's command on them as `.pre-commit-hooks.yaml` runs it, in the copy: CPU (user + system
of the whole process and the processes it waited for), wall time and peak memory, medians of
`--runs` fresh processes after one that is not counted. The runs have compiled bytecode, as an
installed citegraph has, and the catalog in its default place under a cache directory of their
own (empty: a hook never looks anything up online); `--catalog FILE` starts them from a copy of
that catalog instead. The findings are printed, so that two checkouts can be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_scan import Timing, compile_packages, scan_environment

_CATALOG_PATH = "from catalog.store import default_catalog_path; print(default_catalog_path())"


def git_copy(source: Path, target: Path) -> Path:
    """`source` copied to `target` and committed there as a new git repository."""
    shutil.copytree(source, target, symlinks=True)
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    for args in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "copy"]):
        subprocess.run(["git", *args], cwd=target, capture_output=True, check=True)
    return target


def citing_files(report: dict[str, object]) -> list[str]:
    """The Python files citing something in a scan report, sorted by path."""
    citations = report.get("citations", [])
    assert isinstance(citations, list)
    return sorted({c["path"] for c in citations if str(c["path"]).endswith(".py")})


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[Timing, bytes]:
    """One run's wall and CPU time and peak RSS (its own and its children's), and its output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings reported
        raise SystemExit(f"{command[:6]} ... failed with {code}")
    return Timing(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024), output


def bench(root: Path, files: list[str], runs: int, work: Path, catalog: Path | None) -> None:
    """Time the hook's command on `files` of the git repository `root`, and print it."""
    env = scan_environment(work, work / "scan-cache")
    env.pop("CITEGRAPH_CATALOG", None)  # the default place, as a user's hook has it
    env["XDG_CACHE_HOME"] = str(work / "user-cache")
    if catalog is not None:
        where = subprocess.run(
            [sys.executable, "-c", _CATALOG_PATH], env=env, capture_output=True, text=True
        )
        target = Path(where.stdout.strip())
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(catalog, target)
    compile_packages(env)
    command = [sys.executable, "-m", "citegraph", "check", "--force-exclude", *files]
    _, output = timed(command, env, root)  # not counted: creates the catalog, warms the disk
    timings = [timed(command, env, root)[0] for _ in range(runs)]
    size = sum((root / f).stat().st_size for f in files)
    print(f"{root}: {len(files)} files, {size / 1e3:.0f} KB; median of {runs} runs")
    cpu = statistics.median(t.cpu for t in timings)
    wall = statistics.median(t.wall for t in timings)
    peak = max(t.peak for t in timings)
    print(f"  citegraph check --force-exclude FILE...  cpu {cpu:.3f} s  wall {wall:.3f} s  "
          f"peak RSS {peak} MB")  # fmt: skip
    findings = output.decode("utf-8", "replace").splitlines()
    print(f"  {findings[-1] if findings else 'no findings'}")  # the findings' summary line


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True, help="the tree to copy and check")
    parser.add_argument("--files", type=int, default=10, help="how many files are staged")
    parser.add_argument("--every", type=int, default=24, help="take every N-th citing file")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--catalog", type=Path, help="start from a copy of this catalog")
    args = parser.parse_args()
    if not args.repo.is_dir():
        raise SystemExit(f"not a directory: {args.repo}")
    with tempfile.TemporaryDirectory(prefix="citegraph-bench-check-") as temp:
        work = Path(temp)
        root = git_copy(args.repo.resolve(), work / "repo")
        env = scan_environment(work, work / "scan-cache")
        report = work / "scan.json"
        scan = [sys.executable, "-m", "citegraph", "scan", str(root), "--no-resolve", "--quiet"]
        subprocess.run([*scan, "-f", "json", "-o", str(report)], env=env, check=False)
        citing = citing_files(json.loads(report.read_text(encoding="utf-8")))
        files = citing[:: args.every][: args.files]
        if not files:
            raise SystemExit(f"no Python file of {args.repo} cites a paper")
        print(f"{len(files)} of {len(citing)} citing files (one in {args.every}, by path):")
        print("".join(f"  {f}\n" for f in files), end="")
        bench(root, files, args.runs, work, args.catalog)


if __name__ == "__main__":
    main()
