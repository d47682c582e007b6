"""Progress on a terminal's standard error: a rich live line for scans and indexes, else nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from scanner import FileScan

_D = TypeVar("_D", bound="LiveDisplay")


def is_terminal(stream: TextIO) -> bool:
    """Whether `stream` is a terminal (False for a closed or file-like stream)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or file-like stream
        return False


class LiveDisplay:
    """A live rich display on `stream` (default: standard error) when it is a terminal and
    `quiet` is false, with messages printed above it (or plainly without it) unless `quiet`.
    Use as a context manager, or call `close()`, so the display is removed at the end."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self._progress: Any = None
        self._task: Any = None

    def _show(self, columns: Callable[[ModuleType], tuple[Any, ...]], **fields: str) -> None:
        """Start the display, its columns made by `columns(rich.progress)`, if it may show."""
        if self.quiet or not is_terminal(self.stream):
            return
        # rich is imported only for a terminal: CI runs and pipes pay nothing for it.
        from rich import progress
        from rich.console import Console

        self._progress = progress.Progress(
            *columns(progress), console=Console(file=self.stream), transient=True
        )
        self._task = self._progress.add_task("", total=None, **fields)
        self._progress.start()

    @property
    def active(self) -> bool:
        """Whether a live display is shown."""
        return self._progress is not None

    def _update(self, **changes: Any) -> None:
        if self._progress is not None:
            self._progress.update(self._task, **changes)

    def say(self, text: str, live_only: bool = False) -> None:
        """Print `text` above the display, unless quiet (or, if `live_only`, without one)."""
        if self.quiet or (live_only and self._progress is None):
            return
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream)

    def __enter__(self: _D) -> _D:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the live display."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


class ProgressObserver(LiveDisplay):
    """A `ScanObserver` showing files scanned (of the total, with an estimate of the time left,
    once the walk has counted them), citations found and files skipped."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        super().__init__(quiet, stream)
        self.files = self.citations = self.skipped = 0
        self.scanned = 0  # files the workers are done with, ahead of `files` in a pool
        self.total: int | None = None
        self._show(_scan_columns, line=self.line(), eta="")

    def line(self) -> str:
        """`files done[/total] files, citations, skipped`, as the live display shows it."""
        total = f"/{self.total:,}" if self.total is not None else ""
        done = max(self.files, self.scanned)
        return f"{done:,}{total} files, {self.citations:,} citations, {self.skipped:,} skipped"

    def on_total(self, total: int) -> None:
        """The walk is done: `total` files to go, so the bar fills and an estimate shows."""
        self.total = total
        self._update(total=total, line=self.line(), eta="ETA")

    def on_scanned(self, count: int) -> None:
        """The workers are done with `count` files: the bar moves while their results wait
        for their turn in path order."""
        self.scanned = count
        if self._progress is not None and count > self.files:
            self._update(completed=count, line=self.line())

    def on_file(self, scan: FileScan) -> None:
        """Count one file; the display refreshes on its own timer, not per file."""
        self.files += 1
        self.citations += len(scan.mentions)
        # The status enum reached through the result, loaded with it: importing it here (through
        # the scanner's lazy face) cost more than the rest of this call, once per file.
        status = scan.status
        # As the summary counts them: a file of no known type is passed over, not skipped
        # (cirq's wheel showed "495 skipped" going by, then a summary with none).
        self.skipped += status is type(status).SKIPPED and scan.language is not None
        if self._progress is not None:  # formatting the line costs a warm rescan 5%
            self._update(completed=max(self.files, self.scanned), line=self.line())

    def on_warning(self, message: str) -> None:
        """Show a warning (above the live display when there is one) unless quiet."""
        self.say(f"citegraph: warning: {message}")


def _scan_columns(progress: ModuleType) -> tuple[Any, ...]:
    return (
        progress.SpinnerColumn(),
        progress.TextColumn("scanning"),
        progress.BarColumn(),
        progress.TextColumn("{task.fields[line]}"),
        progress.TimeElapsedColumn(),
        # Until the walk is done there is no total, so no estimate: the column stays blank.
        progress.TextColumn("{task.fields[eta]}"),
        progress.TimeRemainingColumn(),
    )
