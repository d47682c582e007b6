"""Pathological files: a per-file time budget, and work linear in a block's size."""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

import pytest

import scanner.extract
from benchmarks.bench_linear import identifier_lines_file, references_file
from citegraph.cli import run
from scanner.options import ScanOptions
from scanner.scan import scan_file, scan_paths


@pytest.fixture(autouse=True)
def _no_remembered_blocks() -> None:
    # `find_hits` remembers the blocks it has read: once a test has read a slow file in full,
    # the same file in the next test is no longer slow, and would not time out.
    scanner.extract.find_hits.cache_clear()


def test_a_file_over_its_budget_is_skipped_and_the_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_ok.py").write_text("# arXiv:1706.03762\n")
    (tmp_path / "b_slow.py").write_text(references_file(3000))
    (tmp_path / "c_ok.py").write_text("# arXiv:1706.03762\n")
    # The first scan in a process loads the parsers and the title model: not the file's time.
    list(scan_paths(tmp_path, ScanOptions(cache=False, jobs=1, include=("a_ok.py",))))
    options = ScanOptions(cache=False, jobs=1, time_budget=0.05)
    started = time.monotonic()
    ok, slow, after = list(scan_paths(tmp_path, options))
    assert time.monotonic() - started < 30
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


def _seconds(path: Path) -> float:
    # The garbage collector's full passes grow with the heap, not with this file's work, and
    # made a 4x file read as 6.7x under load: measure the scan alone.
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        scan_file(
            path.parent, path.name, ScanOptions(cache=False, time_budget=0, max_file_size=1 << 28)
        )
        return time.process_time() - started
    finally:
        gc.enable()


@pytest.mark.slow
@pytest.mark.parametrize(("make", "base"), [(references_file, 3000), (identifier_lines_file, 6000)])
def test_work_in_one_block_grows_linearly(tmp_path: Path, make, base: int) -> None:  # type: ignore[no-untyped-def]
    # Quadratic code took 3.2x from 1x to 2x on these sizes; linear code takes about 2x.
    # Processor time and the best of two runs keep other processes' load out of the figure.
    small, large = tmp_path / "small.py", tmp_path / "large.py"
    small.write_text(make(base))
    large.write_text(make(4 * base))
    _seconds(small)  # imports, models and caches warm
    one = min(_seconds(small) for _ in range(3))
    four = min(_seconds(large) for _ in range(3))
    # Quadratic code took over 20 s at 4x; the slack keeps scheduler noise on tiny times out.
    assert four < 6.5 * one + 1.0, (one, four)
