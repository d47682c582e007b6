"""Linear-time check: one pathological file at 1x, 2x and 4x its size, each scanned in a fresh
process; prints wall time, the ratio to 1x, and peak memory.

    python benchmarks/bench_linear.py [--case references|identifiers|arxiv-lines|mixed-ids|all]
                                      [--base N] [--budget SECONDS]

Cases (all synthetic, generated here):
  references   a numpy `References` docstring of N entries (default 20,000)
  identifiers  a Python file of N `# arXiv:...` comment lines (default 100,000 identifiers)
  arxiv-lines  N identifiers in one block of prose, several per line (default 100,000)
  mixed-ids    N identifiers of every kind (arXiv, DOI, doi.org, arxiv.org and other URLs),
               two to a comment line of one block (default 100,000)

The per-file time budget is switched off (`--budget 0`) so the figures are the scanner's own.
Linear means the 4x time stays near 4x the 1x time; on a shared machine compare processor time
(`cpu s`), which other processes' load does not inflate the way it does wall time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SURNAMES = ("Smith", "Okafor", "Tanaka", "Ivanova", "Garcia", "Novak", "Lindqvist", "Chen")
TOPICS = ("sparse", "stochastic", "adaptive", "robust", "spectral", "online", "convex", "deep")
NOUNS = ("estimation", "optimization", "sampling", "clustering", "regression", "inference")


def references_file(count: int) -> str:
    """A function whose numpy docstring has a References section of `count` entries."""
    lines = ["def f():", '    """Compute something.', "", "    References", "    ----------"]
    for i in range(1, count + 1):
        first, second = SURNAMES[i % 8], SURNAMES[(i * 3 + 1) % 8]
        topic, noun = TOPICS[i % 8], NOUNS[(i // 8) % 6]
        lines.append(
            f'    .. [{i}] {first[0]}. {first} and {second[0]}. {second}, "A {topic} method '
            f'for {noun} number {i}", Journal of Examples, vol. {i % 90 + 1}, '
            f"pp. {i}-{i + 9}, {1950 + i % 70}."
        )
    lines += ['    """', "    return 1", ""]
    return "\n".join(lines)


def _arxiv(i: int) -> str:
    return f"{7 + i % 17:02d}{1 + i % 12:02d}.{i % 100000:05d}"


def identifier_lines_file(count: int) -> str:
    """`count` comment lines, one `# arXiv:...` identifier each: one long comment block."""
    return "".join(f"# arXiv:{_arxiv(i)}\n" for i in range(count)) + "x = 1\n"


def identifier_prose_file(count: int) -> str:
    """`count` identifiers in one Markdown paragraph-free block, four to a line."""
    words = (f"see arXiv:{_arxiv(i)} and" for i in range(count))
    out, line = [], []
    for word in words:
        line.append(word)
        if len(line) == 4:
            out.append(" ".join(line))
            line = []
    out.append(" ".join(line))
    return "\n".join(out) + "\n"


def mixed_identifiers_file(count: int) -> str:
    """`count` identifiers of every kind (arXiv ids, DOIs, doi.org and arXiv links, plain
    URLs) in one comment block of a Python file, two to a line."""
    kinds = (
        lambda i: f"arXiv:{_arxiv(i)}",
        lambda i: f"doi:10.{1000 + i % 9000}/example.{i}",
        lambda i: f"https://doi.org/10.{1000 + i % 9000}/linked-{i}",
        lambda i: f"https://arxiv.org/abs/{_arxiv(i + 7)}",
        lambda i: f"https://example.org/papers/{i}.pdf",
    )
    lines = [f"# see {kinds[i % 5](i)} and {kinds[(i + 1) % 5](i + 1)}" for i in range(0, count, 2)]
    return "\n".join(lines) + "\nx = 1\n"


WARM_UP = '"""J. Doe, "A warm-up title", J. Examples, 2001. arXiv:1706.03762"""\n'

CASES: dict[str, tuple[str, Callable[[int], str], int]] = {
    "references": ("refs.py", references_file, 20_000),
    "identifiers": ("ids.py", identifier_lines_file, 100_000),
    "arxiv-lines": ("ids.md", identifier_prose_file, 100_000),
    "mixed-ids": ("mixed.py", mixed_identifiers_file, 100_000),
}

_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from scanner.options import ScanOptions
from scanner.scan import scan_file
scan_file(Path(sys.argv[1]), "warm.py", ScanOptions(cache=False))  # imports and the title model
start, cpu = time.perf_counter(), time.process_time()
scan = scan_file(Path(sys.argv[1]), sys.argv[2], ScanOptions(
    cache=False, jobs=1, max_file_size=1 << 30, time_budget=float(sys.argv[3])))
took, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": took, "cpu": cpu, "peak": peak, "mentions": len(scan.mentions),
                  "status": scan.status.value, "reason": scan.reason}))
"""


def measure(case: str, scale: int, base: int | None, budget: float) -> dict[str, object]:
    """Scan the case at `scale` times its base size in a fresh interpreter."""
    name, make, default = CASES[case]
    count = (base or default) * scale
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_text(make(count), encoding="utf-8")
        (Path(tmp) / "warm.py").write_text(WARM_UP, encoding="utf-8")
        size = (Path(tmp) / name).stat().st_size
        root = Path(__file__).resolve().parents[1]
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, tmp, name, str(budget)],
            capture_output=True,
            text=True,
            cwd=root,
            check=True,
        )
        result: dict[str, object] = json.loads(done.stdout)
        result.update(count=count, bytes=size, wall=time.perf_counter() - started)
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=[*CASES, "all"], default="all")
    parser.add_argument("--base", type=int, help="items at 1x (default: the case's own)")
    parser.add_argument("--budget", type=float, default=0.0, help="per-file budget; 0: none")
    args = parser.parse_args()
    cases = list(CASES) if args.case == "all" else [args.case]
    print(
        f"{'case':<12} {'scale':>5} {'items':>8} {'MB':>6} {'seconds':>8} {'ratio':>6} "
        f"{'cpu s':>8} {'ratio':>6} {'peak MB':>8} {'mentions':>8}  status"
    )
    for case in cases:
        first = first_cpu = None
        for scale in (1, 2, 4):
            r = measure(case, scale, args.base, args.budget)
            seconds, cpu = float(r["seconds"]), float(r["cpu"])  # type: ignore[arg-type]
            first, first_cpu = first or seconds, first_cpu or cpu
            print(
                f"{case:<12} {scale:>4}x {r['count']:>8} {int(r['bytes']) / 1e6:>6.1f} "  # type: ignore[call-overload]
                f"{seconds:>8.2f} {seconds / first:>6.2f} {cpu:>8.2f} {cpu / first_cpu:>6.2f} "
                f"{int(r['peak']) / 1e6:>8.0f} "  # type: ignore[call-overload]
                f"{r['mentions']:>8}  {r['status']}" + (f": {r['reason']}" if r["reason"] else ""),
                flush=True,
            )


if __name__ == "__main__":
    main()
