"""Scan progress: live on a terminal, with a total and an ETA; silent in pipes and with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from citegraph.config import load_config
from citegraph.pipeline import run_scan
from citegraph.progress import ProgressObserver
from scanner.types import FileScan, FileStatus


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with ProgressObserver(stream=stream) as observer:
        observer.on_file(FileScan("a.py", "python", FileStatus.OK))
    assert not observer.active
    assert stream.getvalue() == ""


def test_warnings_print_plainly_without_a_terminal() -> None:
    stream = io.StringIO()
    ProgressObserver(stream=stream).on_warning("catalog offline")
    assert stream.getvalue() == "citegraph: warning: catalog offline\n"


def test_quiet_shows_nothing_even_on_a_terminal() -> None:
    stream = _Terminal()
    with ProgressObserver(quiet=True, stream=stream) as observer:
        observer.on_file(FileScan("a.py", "python", FileStatus.OK))
        observer.on_warning("ignored")
    assert not observer.active
    assert stream.getvalue() == ""


def test_terminal_gets_a_live_display_that_counts() -> None:
    stream = _Terminal()
    with ProgressObserver(stream=stream) as observer:
        assert observer.active
        observer.on_file(FileScan("a.py", "python", FileStatus.OK))
        observer.on_file(FileScan("b.bin", "c", FileStatus.SKIPPED, reason="binary"))
        observer.on_file(FileScan("c.dat", None, FileStatus.SKIPPED, reason="unknown file type"))
        observer.on_warning("[bold]not markup[/bold]")
    # A file of no known type is passed over, as the summary counts it: not "skipped".
    assert (observer.files, observer.skipped) == (3, 1)
    assert not observer.active
    assert "[bold]not markup[/bold]" in stream.getvalue()


def test_the_total_shows_once_the_walk_is_done() -> None:
    stream = _Terminal()
    with ProgressObserver(stream=stream) as observer:
        assert observer.line() == "0 files, 0 citations, 0 skipped"
        observer.on_total(1234)
        observer.on_file(FileScan("a.py", "python", FileStatus.OK))
        observer.on_file(FileScan("b.bin", "c", FileStatus.SKIPPED, reason="binary"))
        assert observer.line() == "2/1,234 files, 0 citations, 1 skipped"
    shown = stream.getvalue()
    assert "2/1,234 files" in shown and "ETA" in shown


class _Recorder:
    def __init__(self) -> None:
        self.totals: list[int] = []
        self.files = 0
        self.total_before_first_file = False

    def on_total(self, total: int) -> None:
        self.totals.append(total)
        self.total_before_first_file = self.files == 0

    def on_file(self, scan: FileScan) -> None:
        self.files += 1

    def on_warning(self, message: str) -> None:
        pass


def test_the_pipeline_announces_the_total_before_the_files(tmp_path: Path) -> None:
    for name in ("a.py", "b.py", "c.md", "d.unknown-ext"):
        (tmp_path / name).write_text("# arXiv:1706.03762\n")
    recorder = _Recorder()
    run_scan(tmp_path, load_config(tmp_path, {"resolve": False, "cache": False}), observer=recorder)
    assert recorder.totals == [recorder.files] and recorder.files >= 3
    assert recorder.total_before_first_file
    given = [FileScan("x.py", "python", FileStatus.OK)] * 2
    again = _Recorder()
    run_scan(tmp_path, load_config(tmp_path, {"resolve": False}), observer=again, scans=given)
    assert again.totals == [2] and again.files == 2


def test_the_line_counts_files_the_workers_finished_ahead_of_the_results() -> None:
    stream = _Terminal()
    with ProgressObserver(stream=stream) as observer:
        observer.on_total(10)
        observer.on_scanned(7)  # a pool's results wait for their turn in path order
        assert observer.line() == "7/10 files, 0 citations, 0 skipped"
        observer.on_file(FileScan("a.py", "python", FileStatus.OK))
        assert observer.line() == "7/10 files, 0 citations, 0 skipped"


class _Counter(_Recorder):
    def __init__(self) -> None:
        super().__init__()
        self.scanned: list[int] = []

    def on_scanned(self, count: int) -> None:
        self.scanned.append(count)


def test_a_pools_observer_hears_each_file_the_workers_finish(tmp_path: Path) -> None:
    count = 60  # enough files for a pool of two workers
    for index in range(count):
        (tmp_path / f"m{index:02d}.py").write_text(f"# arXiv:1706.{index + 10000:05d}\n" * index)
    counter = _Counter()
    config = load_config(tmp_path, {"resolve": False, "cache": False, "jobs": 2})
    run_scan(tmp_path, config, observer=counter)
    assert counter.scanned == list(range(1, count + 1))
    assert counter.files == count
