"""Index progress on a terminal: repositories done, running and failed of the total."""

from __future__ import annotations

from types import ModuleType
from typing import Any, TextIO

from citegraph.index.types import Outcome, Status
from citegraph.progress import LiveDisplay


class IndexProgress(LiveDisplay):
    """An `IndexObserver`: a live line on a terminal's standard error and one line per finished
    repository above it; nothing but warnings when the stream is no terminal (CI, pipes)."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        super().__init__(quiet, stream)
        self.total = self.done = self.failed = self.unchanged = 0
        self.running: set[str] = set()
        self._show(_index_columns, line="")

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
            self.say(f"citegraph: {outcome.name}: failed: {outcome.reason}")
        else:
            self.done += 1
            self.say(f"  {outcome.name}: scanned in {outcome.seconds:.1f} s", live_only=True)
        self._refresh()

    def on_warning(self, message: str) -> None:
        """Show a warning unless quiet."""
        self.say(f"citegraph: warning: {message}")

    def _refresh(self) -> None:
        self._update(
            total=self.total or None,
            completed=self.done + self.unchanged + self.failed,
            line=self.line(),
        )


def _index_columns(progress: ModuleType) -> tuple[Any, ...]:
    return (
        progress.TextColumn("indexing"),
        progress.BarColumn(),
        progress.TextColumn("{task.fields[line]}"),
        progress.TimeElapsedColumn(),
    )
