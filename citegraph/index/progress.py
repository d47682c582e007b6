"""Index progress on a terminal: repositories done, running and failed of the total."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from citegraph.index.types import Outcome, Status


class IndexProgress:
    """An `IndexObserver`: a live line on a terminal's standard error and one line per finished
    repository above it; nothing but warnings when the stream is no terminal (CI, pipes)."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.total = self.done = self.failed = self.unchanged = 0
        self.running: set[str] = set()
        self._progress: Any = None
        self._task: Any = None
        if not quiet and _is_terminal(self.stream):
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("indexing"),
                BarColumn(),
                TextColumn("{task.fields[line]}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._task = self._progress.add_task("index", total=None, line="")
            self._progress.start()

    def __enter__(self) -> IndexProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self) -> str:
        """`done / running / failed of total`, as the live display shows it."""
        done = self.done + self.unchanged
        return f"{done} done, {len(self.running)} running, {self.failed} failed of {self.total}"

    def on_plan(self, total: int, unchanged: int, failed: int) -> None:
        """Start counting."""
        self.total, self.unchanged, self.failed = total, unchanged, failed
        self._refresh()

    def on_start(self, spec: str) -> None:
        """A worker took `spec`."""
        self.running.add(spec)
        self._refresh()

    def on_done(self, outcome: Outcome) -> None:
        """A repository finished."""
        self.running.discard(outcome.spec)
        if outcome.status is Status.FAILED:
            self.failed += 1
            self._print(f"citegraph: {outcome.name}: failed: {outcome.reason}")
        else:
            self.done += 1
            self._print(f"  {outcome.name}: scanned in {outcome.seconds:.1f} s", live_only=True)
        self._refresh()

    def on_warning(self, message: str) -> None:
        """Show a warning unless quiet."""
        self._print(f"citegraph: warning: {message}")

    def _print(self, text: str, live_only: bool = False) -> None:
        if self.quiet or (live_only and self._progress is None):
            return
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream)

    def _refresh(self) -> None:
        if self._progress is not None:
            self._progress.update(
                self._task,
                total=self.total or None,
                completed=self.done + self.unchanged + self.failed,
                line=self.line(),
            )

    def close(self) -> None:
        """Remove the live display."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
