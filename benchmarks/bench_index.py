"""Index benchmark: `citegraph index` on Dask against `citegraph scan` on each package in turn.

    python benchmarks/bench_index.py --corpus DIR [--runs 3] [--workers N] [--archives]

(DIR defaults to $CITEGRAPH_INDEX_CORPUS.)

The corpus directory holds release artifacts (wheels, sdists, npm tarballs) downloaded with
the ordinary clients (`pip download --no-deps ...`, `npm pack ...`); each is unpacked once
into `CORPUS/tree/`. Times, each the median of `--runs` runs with an empty scan cache and an
empty catalog (offline, so no network time is measured):

  (a) sequential: `citegraph scan TREE --offline -f json` for every package, one after another
  (b) index, cold: `citegraph index TREE... -o DIR --offline` into an empty DIR
  (c) index, unchanged rerun: the same command again (no repository is rescanned)

and checks that the index found the same citations as the separate scans. With `--archives`,
(b) and (c) index the artifacts themselves, as `citegraph index downloads/*.whl` does: (b) then
includes unpacking them and (c) hashing them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from citegraph.index.fetch import unpack

ARTIFACTS = (".whl", ".tar.gz", ".tgz", ".zip")
LIMIT = 2 * 1024 * 1024 * 1024


def artifacts(corpus: Path) -> list[Path]:
    """The release artifacts in `corpus`, by name."""
    return sorted(p for p in corpus.iterdir() if p.name.endswith(ARTIFACTS) and p.is_file())


def trees(corpus: Path) -> list[Path]:
    """Every artifact of `corpus`, unpacked (once) into `corpus/tree/<artifact name>`."""
    out = []
    for artifact in artifacts(corpus):
        name = artifact.name
        for suffix in ARTIFACTS:
            name = name.removesuffix(suffix)
        if artifact.name.endswith(".whl"):  # name-version-tags: the tags say nothing here
            name = "-".join(name.split("-")[:2])
        target = corpus / "tree" / name
        if not target.is_dir():
            partial = target.with_name(target.name + ".partial")
            partial.mkdir(parents=True, exist_ok=True)
            unpack(artifact, partial, LIMIT)
            partial.rename(target)
        out.append(target)
    return out


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(argv[:4])} ...\n{done.stderr[-2000:]}")
    return elapsed


def _fresh_env(scratch: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CITEGRAPH_CACHE_DIR": str(scratch / "cache"),
        "CITEGRAPH_CATALOG": str(scratch / "catalog.sqlite3"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ["CITEGRAPH_INDEX_CORPUS"])
        if os.environ.get("CITEGRAPH_INDEX_CORPUS")
        else None,
        required=not os.environ.get("CITEGRAPH_INDEX_CORPUS"),
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--archives",
        action="store_true",
        help="Index the artifacts themselves (unpacking included), not their unpacked trees.",
    )
    args = parser.parse_args()
    paths = trees(args.corpus)
    sources = artifacts(args.corpus) if args.archives else paths
    if len(paths) < 2:
        sys.exit(f"{args.corpus}: put release artifacts there first (see the docstring)")
    citegraph = [sys.executable, "-m", "citegraph"]
    workers = ["--workers", str(args.workers)] if args.workers else []
    sequential, cold, warm = [], [], []
    per_package: dict[str, list[float]] = {p.name: [] for p in paths}
    citations_scan = citations_index = 0
    for run in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="bench-index-") as name:
            scratch = Path(name)
            env = _fresh_env(scratch / "seq")
            total = 0.0
            citations_scan = 0
            for path in paths:
                out = scratch / "scans" / f"{path.name}.json"
                seconds = _run(
                    [
                        *citegraph,
                        "scan",
                        str(path),
                        "--offline",
                        "-q",
                        "-f",
                        "json",
                        "-o",
                        str(out),
                    ],
                    env,
                )
                per_package[path.name].append(seconds)
                total += seconds
                citations_scan += len(json.loads(out.read_text())["citations"])
            sequential.append(total)
            env = _fresh_env(scratch / "index")
            command = [*citegraph, "index", *map(str, sources), "-o", str(scratch / "out")]
            command += ["--offline", "-q", *workers]
            cold.append(_run(command, env))
            warm.append(_run(command, env))
            index = json.loads((scratch / "out" / "index.json").read_text())
            citations_index = len(index["citations"])
            failed = [r for r in index["repositories"] if r["status"] == "failed"]
            if failed:
                sys.exit(f"the index failed on {failed}")
        print(
            f"run {run + 1}: sequential {sequential[-1]:.1f} s, index {cold[-1]:.1f} s, "
            f"rerun {warm[-1]:.1f} s",
            file=sys.stderr,
        )
    size = sum(f.stat().st_size for p in paths for f in p.rglob("*") if f.is_file())
    print(
        f"{len(paths)} packages, {size / 1e6:.0f} MB unpacked, {os.cpu_count()} cores, "
        f"median of {args.runs} runs"
    )
    seq, idx, rerun = (statistics.median(v) for v in (sequential, cold, warm))
    print(f"  (a) citegraph scan, each in turn   {seq:7.1f} s")
    print(f"  (b) citegraph index, cold          {idx:7.1f} s   {seq / idx:.2f}x faster")
    print(f"  (c) citegraph index, unchanged     {rerun:7.1f} s")
    print(
        f"  citations: {citations_scan} from the scans, {citations_index} in the index"
        + ("" if citations_scan == citations_index else "   MISMATCH")
    )
    print("  slowest packages (scan, median):")
    slowest = sorted(per_package.items(), key=lambda item: -statistics.median(item[1]))[:5]
    for name, times in slowest:
        print(f"    {name:50s} {statistics.median(times):6.1f} s")


if __name__ == "__main__":
    main()
