"""A progress display for scans: a rich live line on a terminal's standard error, else nothing."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from scanner import FileScan, FileStatus


class ProgressObserver:
    """A `ScanObserver` showing files scanned (of the total, with an estimate of the time left,
    once the walk has counted them), citations found and files skipped.

    The display only appears when `stream` (default: standard error) is a terminal and `quiet`
    is false; warnings are printed above it (or plainly without it) unless `quiet`. Use as a
    context manager, or call `close()`, so the display is removed when the scan ends.
    """

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self.files = self.citations = self.skipped = 0
        self.total: int | None = None
        self._progress: Any = None
        self._task: Any = None
        if not quiet and _is_terminal(self.stream):
            self._start()

    def _start(self) -> None:
        # rich is imported only for a terminal: CI runs and pipes pay nothing for it.
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.stream)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("scanning"),
            BarColumn(),
            TextColumn("{task.fields[line]}"),
            TimeElapsedColumn(),
            # Until the walk is done there is no total, so no estimate: the column stays blank.
            TextColumn("{task.fields[eta]}"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task("scan", total=None, line=self.line(), eta="")
        self._progress.start()

    def line(self) -> str:
        """`files done[/total] files, citations, skipped`, as the live display shows it."""
        total = f"/{self.total:,}" if self.total is not None else ""
        return (
            f"{self.files:,}{total} files, {self.citations:,} citations, {self.skipped:,} skipped"
        )

    def __enter__(self) -> ProgressObserver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def active(self) -> bool:
        """Whether a live display is shown."""
        return self._progress is not None

    def on_total(self, total: int) -> None:
        """The walk is done: `total` files to go, so the bar fills and an estimate shows."""
        self.total = total
        if self._progress is not None:
            self._progress.update(self._task, total=total, line=self.line(), eta="ETA")

    def on_file(self, scan: FileScan) -> None:
        """Count one file; the display refreshes on its own timer, not per file."""
        self.files += 1
        self.citations += len(scan.mentions)
        self.skipped += scan.status is FileStatus.SKIPPED
        if self._progress is not None:
            self._progress.update(self._task, completed=self.files, line=self.line())

    def on_warning(self, message: str) -> None:
        """Show a warning (above the live display when there is one) unless quiet."""
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.console.print(
                f"citegraph: warning: {message}", markup=False, highlight=False
            )
        else:
            print(f"citegraph: warning: {message}", file=self.stream)

    def close(self) -> None:
        """Remove the live display."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or file-like stream
        return False
