"""Pathological files: a per-file time budget, and work linear in a block's size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_linear import (
    identifier_prose_file,
    mixed_identifiers_file,
    references_file,
)
from citegraph.cli import run
from scanner.options import ScanOptions
from scanner.scan import scan_file, scan_paths


@pytest.fixture(autouse=True)
def _cold_caches() -> None:
    # The extractor remembers the blocks it has read: a file that another test of this process
    # read whole would be answered from memory, within any budget, and these tests would pass
    # or fail by the order they ran in.
    from scanner.extract import find_hits
    from scanner.titles.sections import regions

    find_hits.cache_clear()
    regions.cache_clear()


def test_a_file_over_its_budget_is_skipped_and_the_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_ok.py").write_text("# arXiv:1706.03762\n")
    (tmp_path / "b_slow.py").write_text(references_file(3000))
    (tmp_path / "c_ok.py").write_text("# arXiv:1706.03762\n")
    # The first scan in a process loads the parsers and the title model: not the file's time.
    list(scan_paths(tmp_path, ScanOptions(cache=False, jobs=1, include=("a_ok.py",))))
    options = ScanOptions(cache=False, jobs=1, time_budget=0.05)
    # The budget is processor time, so the verdict below holds however loaded the machine:
    # without a working budget the file is read whole (seconds of work) and not skipped.
    ok, slow, after = list(scan_paths(tmp_path, options))
    assert slow.status.value == "skipped" and slow.reason is not None
    assert slow.reason.startswith("timed out")
    assert [m.raw for m in ok.mentions] == [m.raw for m in after.mentions] == ["arXiv:1706.03762"]
    # Without the budget the same file is read in full.
    whole = scan_file(tmp_path, "b_slow.py", ScanOptions(cache=False, time_budget=0))
    assert len(whole.mentions) == 3000


def test_a_timed_out_file_is_not_cached(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    (root / "slow.py").write_text(references_file(3000))
    scan_file(root, "slow.py", ScanOptions(cache=False, time_budget=0.05))  # warm up
    budget = ScanOptions(jobs=1, time_budget=0.05, cache_dir=tmp_path / "cache")
    reason = next(scan_paths(root, budget)).reason
    assert reason is not None and reason.startswith("timed out")
    relaxed = ScanOptions(jobs=1, time_budget=0, cache_dir=tmp_path / "cache")
    assert len(next(scan_paths(root, relaxed)).mentions) == 3000


def test_the_budget_is_a_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "slow.py").write_text(references_file(3000))
    code = run(["scan", str(tmp_path), "-f", "json", "--no-resolve", "--time-budget", "0.05"])
    assert code == 0
    skipped = json.loads(capsys.readouterr().out)["skipped"]
    assert skipped[0]["path"] == "slow.py" and skipped[0]["reason"].startswith("timed out")
    (tmp_path / "pyproject.toml").write_text('[tool.citegraph]\ntime-budget = "soon"\n')
    assert run(["scan", str(tmp_path), "--no-resolve"]) == 2
    err = capsys.readouterr().err
    assert "time-budget" in err and "must be a number" in err and "Traceback" not in err


# Measured in a fresh interpreter, after a warm-up scan (imports, the title model, compiled
# patterns), so that caches filled by earlier tests or by the other size count for neither.
_MEASURE = """
import json, sys, time, tracemalloc
from pathlib import Path
from scanner.options import ScanOptions
from scanner.scan import scan_file
root, name, what = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
options = ScanOptions(cache=False, time_budget=0, max_file_size=(root / name).stat().st_size)
scan_file(root, "warm.py", options)
calls = 0
def count(frame, event, arg):
    global calls
    calls += 1
if what == "calls":
    sys.setprofile(count)
if what == "memory":
    tracemalloc.start()
started = time.process_time()
scan = scan_file(root, name, options)
seconds = time.process_time() - started
sys.setprofile(None)
peak = tracemalloc.get_traced_memory()[1] if what == "memory" else 0
print(json.dumps({"calls": calls, "seconds": seconds, "peak": peak,
                  "mentions": len(scan.mentions), "size": (root / name).stat().st_size}))
"""
_WARM = '"""See J. Doe, "A warm-up title for the model", J. Examples, 2001. arXiv:1706.03762"""\n'


def _docstring_identifiers(count: int) -> str:
    return f'"""Sources.\n\n{identifier_prose_file(count)}"""\n'


# Scaled-down forms of the cases: a numpy `References` section (20,000 entries), a
# comment block of identifiers of every kind (100,000), and a docstring of arXiv ids in prose.
_CASES = {
    "references": ("refs.py", references_file, 300),
    "mixed identifiers": ("mixed.py", mixed_identifiers_file, 2000),
    "docstring identifiers": ("doc.py", _docstring_identifiers, 2000),
}


def _measure(tmp_path: Path, case: str, scale: int, what: str) -> dict[str, float]:
    name, make, base = _CASES[case]
    (tmp_path / "warm.py").write_text(_WARM)
    (tmp_path / name).write_text(make(base * scale))
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path), name, what],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=900,
    )
    result: dict[str, float] = json.loads(done.stdout)
    assert result["mentions"] >= base * scale * 0.6  # the file was read, not skipped
    return result


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(_CASES))
def test_work_in_one_block_grows_linearly(tmp_path: Path, case: str) -> None:
    # The number of Python calls (and C functions called from Python) is the same on a quiet
    # machine and a loaded one. Linear code makes about 4.0x the calls at 4x the size; the
    # quadratic code this replaced made 10x and more at these sizes.
    one, four = (_measure(tmp_path, case, scale, "calls")["calls"] for scale in (1, 4))
    assert four < 5.0 * one, (one, four, four / one)


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(_CASES))
def test_processor_time_in_one_block_grows_linearly(tmp_path: Path, case: str) -> None:
    # Work done inside one C call (a regex run over the whole block for each hit) escapes a
    # count of calls, so processor time is checked too, with the garbage collector running
    # (its passes over a growing heap made the tagger 2.3x slower per doubling). Processor
    # time and the best of two runs keep other processes' load out; linear code takes about
    # 4x, and the margin is wide: only a gross regression fails.
    one = min(_measure(tmp_path, case, 1, "time")["seconds"] for _ in range(2))
    four = min(_measure(tmp_path, case, 4, "time")["seconds"] for _ in range(2))
    assert four < 8.0 * one + 0.5, (one, four, four / one)


@pytest.mark.slow
# Not the reference list: its peak is the tagger's window (about 28 MB, bounded by
# MAX_WINDOW), not the file, and tracing the tagger takes minutes on a loaded machine.
@pytest.mark.parametrize("case", ["docstring identifiers", "mixed identifiers"])
def test_memory_grows_with_the_file_not_faster(tmp_path: Path, case: str) -> None:
    # Python's allocations, traced: the same on any machine. What a 4x file costs beyond the
    # 1x one is a small multiple of the bytes it adds (16-45 bytes a byte today); the lexer's
    # old string pattern alone took 115 bytes a byte of a docstring.
    one, four = (_measure(tmp_path, case, scale, "memory") for scale in (1, 4))
    added = (four["peak"] - one["peak"]) / (four["size"] - one["size"])
    assert added < 80, (one, four, added)
