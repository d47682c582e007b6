"""The progress observer: live on a terminal, silent in pipes and with --quiet."""

from __future__ import annotations

import io

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
        observer.on_warning("[bold]not markup[/bold]")
    assert (observer.files, observer.skipped) == (2, 1)
    assert not observer.active
    assert "[bold]not markup[/bold]" in stream.getvalue()
